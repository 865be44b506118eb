import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { actorOf } from "../audit/record-audit-event";
import { verifyPassword } from "../auth/password-hash";
import { resetPassword } from "./reset-password";

let test: TestDb;
let admin: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.create({ data: { id: "a", name: "Unit a", timeZone: "Europe/Paris" } });
  admin = await signInTestUser(test.db, { role: "admin", unitIds: ["a"] });
});
afterAll(async () => {
  await test.cleanup();
});

describe("resetPassword", () => {
  it("replaces the password and signs the person out of every session", async () => {
    const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["a"] });
    await signInTestUser(test.db, { role: "nurse", unitIds: ["a"] }); // someone else, whose session stays
    await resetPassword({
      db: test.db,
      userId: nurse.userId,
      password: "the new passphrase",
      actor: actorOf(admin),
      context: null,
    });
    const row = await test.db.user.findUniqueOrThrow({ where: { id: nurse.userId } });
    expect(await verifyPassword(row.passwordHash, "the new passphrase")).toBe(true);
    expect(await verifyPassword(row.passwordHash, nurse.password)).toBe(false);
    expect(await test.db.session.count({ where: { userId: nurse.userId } })).toBe(0);
    expect(await test.db.session.count()).toBe(2);
  });

  it("refuses an unknown user", async () => {
    await expect(
      resetPassword({
        db: test.db,
        userId: "nobody",
        password: "the new passphrase",
        actor: actorOf(admin),
        context: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
