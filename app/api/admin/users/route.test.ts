import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUserDto, type TUserDto } from "@/lib/auth/account-dtos";
import { verifyPassword } from "@/lib/db/auth/password-hash";
import { createDisplay } from "@/lib/db/displays/create-display";
import {
  adminRequest,
  answer,
  createAdminWorld,
  deniedEventsOf,
  type TAdminWorld,
} from "@/test/support/admin-route-kit";
import { HOSTILE_TEXT } from "@/test/support/hostile-text";
import { GET, POST } from "./route";

let world: TAdminWorld;
beforeAll(async () => {
  world = await createAdminWorld();
  await createDisplay({
    db: world.db,
    input: { displayName: "Corridor", unitId: world.unitA },
    actor: { userId: world.admin.userId, username: world.admin.username, role: "admin" },
    context: null,
  });
});
afterAll(async () => {
  await world.test.cleanup();
});

const newUser = {
  username: "CMartin",
  displayName: "Claire Martin",
  role: "physician",
  unitIds: ["unit-a", "unit-b"],
  password: "a long enough passphrase",
};
const list = async (cookie?: string) => answer(await GET(adminRequest("/api/admin/users", { cookie })));
const create = async (body: unknown, cookie = world.admin.cookie) =>
  answer(await POST(adminRequest("/api/admin/users", { method: "POST", cookie, body })));

describe("GET /api/admin/users", () => {
  it("lists people's accounts, not wall screens, with their open sessions", async () => {
    const { status, json } = await list(world.admin.cookie);
    expect(status).toBe(200);
    const users = json<{ users: unknown[] }>().users.map((u) => ZUserDto.parse(u));
    expect(users.map((u) => u.username).sort()).toEqual([world.admin.username, world.nurse.username].sort());
    expect(users.find((u) => u.id === world.nurse.userId)).toMatchObject({
      role: "nurse",
      unitIds: ["unit-a"],
      active: true,
      sessions: 1,
      hasPassword: true,
    });
  });

  it("refuses a nurse (403) and records the refusal in the audit trail", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const { status, json } = await list(world.nurse.cookie);
    expect(status).toBe(403);
    expect(json().error?.code).toBe("FORBIDDEN");
    const denied = await deniedEventsOf(world.db, world.nurse.userId);
    expect(denied).toHaveLength(before + 1);
    expect(denied[0]?.details).toMatchObject({
      action: "user.manage",
      reason: "role",
      via: "http GET /api/admin/users",
    });
  });

  it("answers 401 without a session", async () => {
    expect((await list()).status).toBe(401);
  });
});

describe("POST /api/admin/users", () => {
  it("creates the account with its role, units and a hashed password, audited as the admin", async () => {
    const { status, json } = await create(newUser);
    expect(status).toBe(201);
    const user: TUserDto = ZUserDto.parse(json<{ user: unknown }>().user);
    expect(user).toMatchObject({
      username: "cmartin",
      displayName: "Claire Martin",
      role: "physician",
      unitIds: ["unit-a", "unit-b"],
      active: true,
      sessions: 0,
    });
    const row = await world.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, newUser.password)).toBe(true);
    const event = await world.db.auditEvent.findFirstOrThrow({ where: { action: "user.created", targetId: user.id } });
    expect(event).toMatchObject({ actorId: world.admin.userId, outcome: "success", ipAddress: "10.0.0.7" });
    expect(JSON.stringify(event.details)).not.toContain(newUser.password);
  });

  it("refuses invalid input with 400 naming each field", async () => {
    const { status, json } = await create({ ...newUser, username: "x", role: "display", password: "short" });
    expect(status).toBe(400);
    const error = json().error;
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.issues?.map((i) => i.field).sort()).toEqual(["password", "role", "username"]);
    expect(error?.message).toMatch(/password: at least 12 characters/);
  });

  it("refuses a display name holding text a record cannot hold, 400 naming the field, and creates nobody", async () => {
    const before = await world.db.user.count();
    for (const [name, displayName] of HOSTILE_TEXT) {
      const { status, json } = await create({ ...newUser, username: "hostile-name", displayName });
      expect(status, name).toBe(400);
      const error = json().error;
      expect(error?.code, name).toBe("INVALID_INPUT");
      expect(
        error?.issues?.map((i) => i.field),
        name,
      ).toEqual(["displayName"]);
      expect(error?.message, name).toMatch(/displayName: contains /);
    }
    expect(await world.db.user.count()).toBe(before);
  });

  it("refuses a taken username (409) and an unknown unit (400), naming the field", async () => {
    const taken = await create({ ...newUser, username: "cmartin" });
    expect(taken.status).toBe(409);
    expect(taken.json().error).toMatchObject({ code: "CONFLICT", field: "username" });
    const unknown = await create({ ...newUser, username: "someone-else", unitIds: ["nowhere"] });
    expect(unknown.status).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: "INVALID_INPUT", field: "unitIds" });
  });

  it("refuses a nurse (403), audited, and creates nothing", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const { status } = await create({ ...newUser, username: "by-a-nurse" }, world.nurse.cookie);
    expect(status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
    expect(await world.db.user.findUnique({ where: { username: "by-a-nurse" } })).toBeNull();
  });
});
