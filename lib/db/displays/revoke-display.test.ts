import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { actorOf } from "../audit/record-audit-event";
import { ZAuthEnv, toAuthConfig } from "../auth/auth-config";
import { SignInThrottle } from "../auth/sign-in-throttle";
import { createDisplay } from "./create-display";
import { issuePairingCode } from "./issue-pairing-code";
import { listDisplays } from "./list-displays";
import { pairDisplay } from "./pair-display";
import { revokeDisplay } from "./revoke-display";

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

const pair = (code: string) =>
  pairDisplay({
    db: test.db,
    code,
    throttle: new SignInThrottle(),
    config: toAuthConfig(ZAuthEnv.parse({})),
    context: { ipAddress: "10.0.0.1", userAgent: null },
  });

describe("revokeDisplay", () => {
  it("signs the screen out for good: inactive, no session, its pending code dead, listed as such", async () => {
    const issued = await createDisplay({
      db: test.db,
      input: { displayName: "Corridor", unitId: "a" },
      actor: actorOf(admin),
      context: null,
    });
    await pair(issued.code);
    const pending = await issuePairingCode({
      db: test.db,
      displayId: issued.display.id,
      actor: actorOf(admin),
      context: null,
    });
    await revokeDisplay({ db: test.db, displayId: issued.display.id, actor: actorOf(admin), context: null });
    expect(await test.db.session.count({ where: { userId: issued.display.id } })).toBe(0);
    await expect(pair(pending.code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const [listed] = await listDisplays({ db: test.db });
    expect(listed).toMatchObject({ id: issued.display.id, active: false, sessions: 0, pairingExpiresAt: null });
  });

  it("refuses a person's account", async () => {
    await expect(
      revokeDisplay({ db: test.db, displayId: admin.userId, actor: actorOf(admin), context: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await test.db.user.findUniqueOrThrow({ where: { id: admin.userId } })).active).toBe(true);
  });
});
