import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/db/auth/password-hash";
import { createDisplay } from "@/lib/db/displays/create-display";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import {
  adminRequest,
  answer,
  createAdminWorld,
  deniedEventsOf,
  params,
  type TAdminWorld,
} from "@/test/support/admin-route-kit";
import { POST } from "./route";

let world: TAdminWorld;
let target: TTestSession;
beforeAll(async () => {
  world = await createAdminWorld();
  target = await signInTestUser(world.db, { role: "physician", unitIds: [world.unitA] });
});
afterAll(async () => {
  await world.test.cleanup();
});

const reset = async (userId: string, body: unknown, cookie = world.admin.cookie) =>
  answer(
    await POST(
      adminRequest(`/api/admin/users/${userId}/password`, { method: "POST", cookie, body }),
      params({ userId }),
    ),
  );
const hashOf = async (userId: string) =>
  (await world.db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

describe("POST /api/admin/users/:userId/password", () => {
  it("sets the new password, ends the person's sessions and audits it without the password", async () => {
    const password = "a brand new passphrase";
    const { status, text } = await reset(target.userId, { password });
    expect(status).toBe(204);
    expect(text).toBe("");
    expect(await verifyPassword(await hashOf(target.userId), password)).toBe(true);
    expect(await verifyPassword(await hashOf(target.userId), target.password)).toBe(false);
    expect(await world.db.session.count({ where: { userId: target.userId } })).toBe(0);
    const event = await world.db.auditEvent.findFirstOrThrow({
      where: { action: "user.password-reset", targetId: target.userId },
    });
    expect(event.details).toEqual({ username: target.username, sessionsEnded: 1 });
    expect(JSON.stringify(event.details)).not.toContain(password);
  });

  it("refuses a short password with 400 naming the field", async () => {
    const { status, json } = await reset(target.userId, { password: "too short" });
    expect(status).toBe(400);
    expect(json().error?.issues).toEqual([{ field: "password", message: "at least 12 characters" }]);
  });

  it("answers 404 for a wall screen (it has no password) and an unknown id", async () => {
    const { display } = await createDisplay({
      db: world.db,
      input: { displayName: "Wall", unitId: world.unitA },
      actor: { userId: world.admin.userId, username: world.admin.username, role: "admin" },
      context: null,
    });
    expect((await reset(display.id, { password: "a long enough passphrase" })).status).toBe(404);
    expect((await reset("no-such-user", { password: "a long enough passphrase" })).status).toBe(404);
  });

  it("refuses a nurse (403), audited, and leaves the password alone", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const hash = await hashOf(world.admin.userId);
    const { status } = await reset(world.admin.userId, { password: "taking over the admin" }, world.nurse.cookie);
    expect(status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
    expect(await hashOf(world.admin.userId)).toBe(hash);
  });
});
