import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUserDto } from "@/lib/auth/account-dtos";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import {
  adminRequest,
  answer,
  createAdminWorld,
  deniedEventsOf,
  params,
  type TAdminWorld,
} from "@/test/support/admin-route-kit";
import { PATCH } from "./route";

let world: TAdminWorld;
beforeAll(async () => {
  world = await createAdminWorld();
});
afterAll(async () => {
  await world.test.cleanup();
});

const patch = async (userId: string, body: unknown, cookie = world.admin.cookie) =>
  answer(
    await PATCH(adminRequest(`/api/admin/users/${userId}`, { method: "PATCH", cookie, body }), params({ userId })),
  );
const sessionsOf = (userId: string) => world.db.session.count({ where: { userId } });

describe("PATCH /api/admin/users/:userId", () => {
  let target: TTestSession;
  beforeAll(async () => {
    target = await signInTestUser(world.db, { role: "nurse", unitIds: [world.unitA] });
  });

  it("renames without ending the person's sessions", async () => {
    const { status, json } = await patch(target.userId, { displayName: "  Ana Silva " });
    expect(status).toBe(200);
    expect(ZUserDto.parse(json<{ user: unknown }>().user)).toMatchObject({ displayName: "Ana Silva", sessions: 1 });
    expect(await sessionsOf(target.userId)).toBe(1);
  });

  it("changes role and units and signs the person out everywhere, audited with before and after", async () => {
    const { status, json } = await patch(target.userId, { role: "perfusionist", unitIds: [world.unitA, world.unitB] });
    expect(status).toBe(200);
    expect(json<{ user: { role: string; unitIds: string[]; sessions: number } }>().user).toMatchObject({
      role: "perfusionist",
      unitIds: [world.unitA, world.unitB],
      sessions: 0,
    });
    expect(await sessionsOf(target.userId)).toBe(0);
    const event = await world.db.auditEvent.findFirstOrThrow({
      where: { action: "user.updated", targetId: target.userId },
      orderBy: { id: "desc" },
    });
    expect(event.details).toMatchObject({
      role: { from: "nurse", to: "perfusionist" },
      unitIds: { from: [world.unitA], to: [world.unitA, world.unitB] },
      sessionsEnded: 1,
    });
  });

  it("deactivates and reactivates, each audited as such", async () => {
    const off = await patch(target.userId, { active: false });
    expect(off.status).toBe(200);
    expect(off.json<{ user: { active: boolean } }>().user.active).toBe(false);
    const on = await patch(target.userId, { active: true });
    expect(on.json<{ user: { active: boolean } }>().user.active).toBe(true);
    const actions = await world.db.auditEvent.findMany({
      where: { targetId: target.userId, action: { in: ["user.deactivated", "user.reactivated"] } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((e) => e.action)).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("refuses an admin deactivating themself (409), leaving the account as it was", async () => {
    const { status, json } = await patch(world.admin.userId, { active: false });
    expect(status).toBe(409);
    expect(json().error?.message).toMatch(/cannot deactivate yourself/);
    expect((await world.db.user.findUniqueOrThrow({ where: { id: world.admin.userId } })).active).toBe(true);
  });

  it("refuses an empty change or a bad role with 400, and an unknown user with 404", async () => {
    const empty = await patch(target.userId, {});
    expect(empty.status).toBe(400);
    expect(empty.json().error?.message).toMatch(/nothing to change/);
    const role = await patch(target.userId, { role: "display" });
    expect(role.status).toBe(400);
    expect(role.json().error?.issues?.[0]?.field).toBe("role");
    expect((await patch("no-such-user", { displayName: "X" })).status).toBe(404);
  });

  it("refuses a nurse (403), audited, and changes nothing", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const { status } = await patch(world.nurse.userId, { role: "admin" }, world.nurse.cookie);
    expect(status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
    expect((await world.db.user.findUniqueOrThrow({ where: { id: world.nurse.userId } })).role).toBe("nurse");
  });
});
