import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { verifyPassword } from "../auth/password-hash";
import { createUser } from "./create-user";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.createMany({
    data: ["a", "b"].map((id) => ({ id, name: `Unit ${id}`, timeZone: "Europe/Paris" })),
  });
});
afterAll(async () => {
  await test.cleanup();
});

const input = {
  username: "jdupont",
  displayName: "Jeanne Dupont",
  role: "nurse" as const,
  unitIds: ["a"],
  password: "twelve chars ok",
};

describe("createUser", () => {
  it("stores an argon2id hash, never the password, and audits as the command line without an actor", async () => {
    const user = await createUser({ db: test.db, input, actor: null, context: null });
    expect(user).toMatchObject({
      username: "jdupont",
      role: "nurse",
      unitIds: ["a"],
      active: true,
      hasPassword: true,
      sessions: 0,
      lastActiveAt: null,
    });
    const row = await test.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, input.password)).toBe(true);
    const event = await test.db.auditEvent.findFirstOrThrow({ where: { action: "user.created", targetId: user.id } });
    expect(event).toMatchObject({ actorId: null, actorName: "cli" });
    expect(event.details).toEqual({ username: "jdupont", role: "nurse", unitIds: ["a"] });
  });

  it("refuses a taken username, naming the field, and writes nothing", async () => {
    const events = await test.db.auditEvent.count();
    await expect(
      createUser({ db: test.db, input: { ...input, displayName: "Someone else" }, actor: null, context: null }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "username" } });
    expect(await test.db.auditEvent.count()).toBe(events);
  });

  it("refuses units that do not exist, saying which", async () => {
    await expect(
      createUser({
        db: test.db,
        input: { ...input, username: "other", unitIds: ["a", "x", "y"] },
        actor: null,
        context: null,
      }),
    ).rejects.toThrow('unitIds: no unit "x", "y"');
    expect(await test.db.user.findUnique({ where: { username: "other" } })).toBeNull();
  });
});
