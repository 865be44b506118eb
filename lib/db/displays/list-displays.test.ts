import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { actorOf } from "../audit/record-audit-event";
import { createDisplay } from "./create-display";
import { listDisplays } from "./list-displays";
import { revokeDisplay } from "./revoke-display";

let test: TestDb;
let admin: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.createMany({
    data: ["a", "b"].map((id) => ({ id, name: `Unit ${id}`, timeZone: "Europe/Paris" })),
  });
  admin = await signInTestUser(test.db, { role: "admin", unitIds: [] });
});
afterAll(async () => {
  await test.cleanup();
});

describe("listDisplays", () => {
  it("lists wall screens only: active first, then by unit and name; a pending code only until it expires", async () => {
    const make = (displayName: string, unitId: string) =>
      createDisplay({ db: test.db, input: { displayName, unitId }, actor: actorOf(admin), context: null });
    await make("Nurses' desk", "b");
    const revoked = await make("Old corridor", "a");
    await make("Corridor", "a");
    await make("Break room", "b");
    await revokeDisplay({ db: test.db, displayId: revoked.display.id, actor: actorOf(admin), context: null });

    const displays = await listDisplays({ db: test.db });
    expect(displays.map((d) => [d.unitId, d.displayName, d.active])).toEqual([
      ["a", "Corridor", true],
      ["b", "Break room", true],
      ["b", "Nurses' desk", true],
      ["a", "Old corridor", false],
    ]);
    expect(displays.filter((d) => d.pairingExpiresAt !== null)).toHaveLength(3);
    const later = await listDisplays({ db: test.db, now: new Date(Date.now() + 16 * 60_000) });
    expect(later.every((d) => d.pairingExpiresAt === null)).toBe(true);
  });
});
