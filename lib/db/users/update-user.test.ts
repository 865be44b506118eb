import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { actorOf } from "../audit/record-audit-event";
import { updateUser } from "./update-user";

let test: TestDb;
let admin: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.createMany({
    data: ["a", "b"].map((id) => ({ id, name: `Unit ${id}`, timeZone: "Europe/Paris" })),
  });
  admin = await signInTestUser(test.db, { role: "admin", unitIds: ["a"] });
});
afterAll(async () => {
  await test.cleanup();
});

const update = (userId: string, changes: Parameters<typeof updateUser>[0]["changes"], by = admin) =>
  updateUser({ db: test.db, userId, changes, actor: actorOf(by), context: null });
const sessions = (userId: string) => test.db.session.count({ where: { userId } });

describe("updateUser", () => {
  it("ends the person's sessions when their role changes, and answers none open", async () => {
    const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["a"] });
    const user = await update(nurse.userId, { role: "physician" });
    expect(user).toMatchObject({ role: "physician", sessions: 0 });
    expect(await sessions(nurse.userId)).toBe(0);
  });

  it("ends them when the units change, but not when the same units come in another order", async () => {
    const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["a", "b"] });
    await update(nurse.userId, { unitIds: ["b", "a"] });
    expect(await sessions(nurse.userId)).toBe(1);
    const event = await test.db.auditEvent.findFirstOrThrow({
      where: { targetId: nurse.userId },
      orderBy: { id: "desc" },
    });
    expect(event.details).toEqual({ username: nurse.username });
    await update(nurse.userId, { unitIds: ["b"] });
    expect(await sessions(nurse.userId)).toBe(0);
  });

  it("keeps the sessions of a rename, and of a role 'change' to the same role", async () => {
    const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["a"] });
    await update(nurse.userId, { displayName: "Renamed", role: "nurse" });
    expect(await sessions(nurse.userId)).toBe(1);
  });

  it("ends the sessions of a deactivated person and audits the deactivation", async () => {
    const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["a"] });
    await update(nurse.userId, { active: false });
    expect(await sessions(nurse.userId)).toBe(0);
    const event = await test.db.auditEvent.findFirstOrThrow({
      where: { targetId: nurse.userId },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ action: "user.deactivated", actorId: admin.userId });
    expect(event.details).toMatchObject({ sessionsEnded: 1 });
  });

  it("refuses an admin deactivating themself or dropping their own admin role, changing nothing", async () => {
    await expect(update(admin.userId, { active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(update(admin.userId, { role: "nurse" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await test.db.user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({
      role: "admin",
      active: true,
    });
    expect(await sessions(admin.userId)).toBe(1);
  });

  it("lets another admin deactivate an admin", async () => {
    const other = await signInTestUser(test.db, { role: "admin", unitIds: [] });
    expect(await update(other.userId, { active: false })).toMatchObject({ active: false });
  });

  it("refuses unknown units, naming the field, and wall screens' accounts", async () => {
    const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["a"] });
    await expect(update(nurse.userId, { unitIds: ["a", "zz"] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "unitIds" },
    });
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
    await expect(update("wall", { displayName: "Renamed" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
