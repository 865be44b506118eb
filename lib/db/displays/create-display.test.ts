import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { actorOf } from "../audit/record-audit-event";
import { createDisplay } from "./create-display";

let test: TestDb;
let admin: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.create({ data: { id: "a", name: "Unit a", timeZone: "Europe/Paris" } });
  admin = await signInTestUser(test.db, { role: "admin", unitIds: [] });
});
afterAll(async () => {
  await test.cleanup();
});

describe("createDisplay", () => {
  it("creates a password-less display account bound to its one unit, with a pending code", async () => {
    const issued = await createDisplay({
      db: test.db,
      input: { displayName: "Corridor", unitId: "a" },
      actor: actorOf(admin),
      context: null,
    });
    expect(issued.display).toMatchObject({
      displayName: "Corridor",
      unitId: "a",
      active: true,
      sessions: 0,
      lastSeenAt: null,
      pairingExpiresAt: issued.expiresAt,
    });
    const row = await test.db.user.findUniqueOrThrow({ where: { id: issued.display.id }, include: { units: true } });
    expect(row).toMatchObject({
      role: "display",
      passwordHash: null,
      username: `display-${issued.display.id.slice(0, 8)}`,
    });
    expect(row.units.map((u) => u.unitId)).toEqual(["a"]);
  });

  it("refuses an unknown unit and creates nothing", async () => {
    const before = await test.db.user.count();
    await expect(
      createDisplay({
        db: test.db,
        input: { displayName: "Lost", unitId: "nowhere" },
        actor: actorOf(admin),
        context: null,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await test.db.user.count()).toBe(before);
  });
});
