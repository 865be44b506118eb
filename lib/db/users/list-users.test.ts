import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { createTestUser, signInTestUser } from "@/test/support/sign-in-test-user";
import { listUsers } from "./list-users";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.create({ data: { id: "a", name: "Unit a", timeZone: "Europe/Paris" } });
});
afterAll(async () => {
  await test.cleanup();
});

describe("listUsers", () => {
  it("lists people, active first then by name, with sessions and last activity, never a hash", async () => {
    const zoe = await signInTestUser(test.db, { role: "nurse", unitIds: ["a"], username: "zoe" });
    const gone = await createTestUser(test.db, { role: "physician", unitIds: [], username: "gone" });
    await test.db.user.update({ where: { id: zoe.userId }, data: { displayName: "Zoé" } });
    await test.db.user.update({ where: { id: gone.userId }, data: { displayName: "Aaron", active: false } });
    const now = new Date();
    await test.db.user.create({
      data: {
        id: "wall",
        username: "display-wall",
        displayName: "Wall",
        role: "display",
        createdAt: now,
        updatedAt: now,
      },
    });

    const users = await listUsers({ db: test.db });
    expect(users.map((u) => [u.username, u.active, u.sessions])).toEqual([
      ["zoe", true, 1],
      ["gone", false, 0],
    ]);
    expect(users[0]?.lastActiveAt).not.toBeNull();
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|\$argon2/);
  });
});
