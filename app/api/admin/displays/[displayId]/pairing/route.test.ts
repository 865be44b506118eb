import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZIssuedPairing, type TIssuedPairing } from "@/lib/auth/account-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { createDisplay } from "@/lib/db/displays/create-display";
import { pairDisplay } from "@/lib/db/displays/pair-display";
import { revokeDisplay } from "@/lib/db/displays/revoke-display";
import {
  adminRequest,
  answer,
  createAdminWorld,
  deniedEventsOf,
  params,
  type TAdminWorld,
} from "@/test/support/admin-route-kit";
import { POST } from "./route";

let world: TAdminWorld;
let first: TIssuedPairing;
beforeAll(async () => {
  world = await createAdminWorld();
  first = await createDisplay({
    db: world.db,
    input: { displayName: "Corridor", unitId: world.unitA },
    actor: actorOf(world.admin),
    context: null,
  });
});
afterAll(async () => {
  await world.test.cleanup();
});

const issue = async (displayId: string, cookie = world.admin.cookie) =>
  answer(
    await POST(
      adminRequest(`/api/admin/displays/${displayId}/pairing`, { method: "POST", cookie }),
      params({ displayId }),
    ),
  );
const pair = (code: string) =>
  pairDisplay({
    db: world.db,
    code,
    throttle: new SignInThrottle(),
    config: toAuthConfig(ZAuthEnv.parse({})),
    context: { ipAddress: "10.0.0.9", userAgent: "wall" },
  });

describe("POST /api/admin/displays/:displayId/pairing", () => {
  it("answers a new code; the earlier unused one stops working and the new one pairs the screen", async () => {
    const { status, json } = await issue(first.display.id);
    expect(status).toBe(201);
    const second = ZIssuedPairing.parse(json());
    expect(second.code).not.toBe(first.code);
    expect(second.display.pairingExpiresAt).toBe(second.expiresAt);
    await expect(pair(first.code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const paired = await pair(second.code);
    expect(paired.user).toMatchObject({ userId: first.display.id, role: "display", unitIds: [world.unitA] });
  });

  it("refuses a revoked display (409) and an unknown one (404)", async () => {
    const other = await createDisplay({
      db: world.db,
      input: { displayName: "Old", unitId: world.unitA },
      actor: actorOf(world.admin),
      context: null,
    });
    await revokeDisplay({ db: world.db, displayId: other.display.id, actor: actorOf(world.admin), context: null });
    expect((await issue(other.display.id)).status).toBe(409);
    expect((await issue("no-such-display")).status).toBe(404);
    // A person's account is not a display.
    expect((await issue(world.nurse.userId)).status).toBe(404);
  });

  it("refuses a nurse (403), audited, and issues nothing", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const codes = await world.db.displayPairing.count();
    expect((await issue(first.display.id, world.nurse.cookie)).status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
    expect(await world.db.displayPairing.count()).toBe(codes);
  });
});
