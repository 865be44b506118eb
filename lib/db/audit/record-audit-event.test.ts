import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, openRawSql, readOnOtherConnection, type TestDb } from "@/test/support/create-test-db";
import { recordAuditEvent } from "./record-audit-event";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("recordAuditEvent", () => {
  it("appends who did what, from where, with bounded details", async () => {
    await recordAuditEvent({
      db: t.db,
      action: "user.created",
      actor: { userId: "u-1", username: "admin", role: "admin" },
      context: { ipAddress: "10.0.0.1", userAgent: "x".repeat(1_000) },
      target: { type: "user", id: "u-2" },
      details: { role: "nurse" },
      now: new Date("2026-11-23T08:00:00Z"),
    });
    const [row] = await t.db.auditEvent.findMany();
    expect(row).toMatchObject({
      actorId: "u-1",
      actorName: "admin",
      action: "user.created",
      outcome: "success",
      targetType: "user",
      targetId: "u-2",
      ipAddress: "10.0.0.1",
      details: { role: "nurse" },
    });
    expect(row?.userAgent).toHaveLength(300);
  });
});

describe("the AuditEvent table", () => {
  it("refuses UPDATE and DELETE, even as raw SQL on the file, and keeps the row as it was", async () => {
    await recordAuditEvent({
      db: t.db,
      action: "auth.sign-in",
      actor: { userId: "u-1", username: "cmartin", role: "nurse" },
      context: null,
    });
    // Prisma's own connection closed first: two SQLite connections to one file in one process share its locks.
    await t.db.$disconnect();
    const raw = await openRawSql(t);
    try {
      await expect(raw.run(`UPDATE "AuditEvent" SET "actorName" = 'someone else'`)).rejects.toThrow(
        /append-only: rows cannot be updated/,
      );
      await expect(raw.run(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: rows cannot be deleted/);
      expect(await readOnOtherConnection(t, `SELECT "actorName", "action" FROM "AuditEvent"`)).toEqual([
        { actorName: "cmartin", action: "auth.sign-in" },
      ]);
      // Appending still works.
      await raw.run(
        `INSERT INTO "AuditEvent" ("at", "action", "outcome") VALUES (?, 'auth.sign-out', 'success')`,
        raw.time(Date.now()),
      );
      expect(await readOnOtherConnection(t, `SELECT COUNT(*) AS "n" FROM "AuditEvent"`)).toEqual([{ n: 2 }]);
    } finally {
      await raw.close();
    }
  });
});
