import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { actorOf } from "../audit/record-audit-event";
import { ZAuthEnv, toAuthConfig } from "../auth/auth-config";
import { hashToken } from "../auth/session-token";
import { SignInThrottle } from "../auth/sign-in-throttle";
import { createDisplay } from "./create-display";
import { PAIRING_CODE_TTL_MS, issuePairingCode, newPairingCode } from "./issue-pairing-code";
import { pairDisplay } from "./pair-display";

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

const pair = (code: string, now?: Date) =>
  pairDisplay({
    db: test.db,
    code,
    throttle: new SignInThrottle(),
    config: toAuthConfig(ZAuthEnv.parse({})),
    context: { ipAddress: "10.0.0.1", userAgent: null },
    now: now && (() => now),
  });

describe("issuePairingCode", () => {
  it("makes 8-character codes without look-alike characters (0/O, 1/I)", () => {
    for (let i = 0; i < 200; i += 1) expect(newPairingCode()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });

  it("invalidates the display's earlier unused code: only the newest one pairs", async () => {
    const first = await createDisplay({
      db: test.db,
      input: { displayName: "Corridor", unitId: "a" },
      actor: actorOf(admin),
      context: null,
    });
    const second = await issuePairingCode({
      db: test.db,
      displayId: first.display.id,
      actor: actorOf(admin),
      context: null,
    });
    expect(
      (await test.db.displayPairing.findUniqueOrThrow({ where: { id: hashToken(first.code) } })).expiresAt.getTime(),
    ).toBeLessThanOrEqual(Date.now());
    await expect(pair(first.code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(pair(second.code)).resolves.toMatchObject({ user: { userId: first.display.id } });
  });

  it("issues a code that lapses after its time to live, and stores only its hash", async () => {
    const now = new Date("2026-01-01T08:00:00Z");
    const { display } = await createDisplay({
      db: test.db,
      input: { displayName: "Desk", unitId: "a" },
      actor: actorOf(admin),
      context: null,
    });
    const issued = await issuePairingCode({
      db: test.db,
      displayId: display.id,
      actor: actorOf(admin),
      context: null,
      now,
    });
    expect(issued.expiresAt).toBe(new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString());
    expect(await test.db.displayPairing.count({ where: { id: issued.code } })).toBe(0);
    await expect(pair(issued.code, new Date(now.getTime() + PAIRING_CODE_TTL_MS + 1))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(pair(issued.code, new Date(now.getTime() + PAIRING_CODE_TTL_MS - 1))).resolves.toMatchObject({
      user: { userId: display.id },
    });
  });

  it("refuses a person's account and a revoked display", async () => {
    await expect(
      issuePairingCode({ db: test.db, displayId: admin.userId, actor: actorOf(admin), context: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { display } = await createDisplay({
      db: test.db,
      input: { displayName: "Old", unitId: "a" },
      actor: actorOf(admin),
      context: null,
    });
    await test.db.user.update({ where: { id: display.id }, data: { active: false } });
    await expect(
      issuePairingCode({ db: test.db, displayId: display.id, actor: actorOf(admin), context: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
