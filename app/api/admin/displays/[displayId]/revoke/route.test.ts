import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIssuedPairing } from "@/lib/auth/account-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { createDisplay } from "@/lib/db/displays/create-display";
import { issuePairingCode } from "@/lib/db/displays/issue-pairing-code";
import { pairDisplay } from "@/lib/db/displays/pair-display";
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
let wall: TIssuedPairing;
beforeAll(async () => {
  world = await createAdminWorld();
  wall = await createDisplay({
    db: world.db,
    input: { displayName: "Corridor", unitId: world.unitA },
    actor: actorOf(world.admin),
    context: null,
  });
});
afterAll(async () => {
  await world.test.cleanup();
});

const revoke = async (displayId: string, cookie = world.admin.cookie) =>
  answer(
    await POST(
      adminRequest(`/api/admin/displays/${displayId}/revoke`, { method: "POST", cookie }),
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

describe("POST /api/admin/displays/:displayId/revoke", () => {
  it("refuses a nurse (403), audited, and the screen stays paired", async () => {
    await pair(wall.code);
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    expect((await revoke(wall.display.id, world.nurse.cookie)).status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
    expect(await world.db.session.count({ where: { userId: wall.display.id } })).toBe(1);
  });

  it("deactivates the display, ends its sessions and its pending code, audited", async () => {
    const pending = await issuePairingCode({
      db: world.db,
      displayId: wall.display.id,
      actor: actorOf(world.admin),
      context: null,
    });
    const { status, text } = await revoke(wall.display.id);
    expect(status).toBe(204);
    expect(text).toBe("");
    expect((await world.db.user.findUniqueOrThrow({ where: { id: wall.display.id } })).active).toBe(false);
    expect(await world.db.session.count({ where: { userId: wall.display.id } })).toBe(0);
    await expect(pair(pending.code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const event = await world.db.auditEvent.findFirstOrThrow({
      where: { action: "display.revoked", targetId: wall.display.id },
    });
    expect(event).toMatchObject({ actorId: world.admin.userId, unitId: world.unitA });
    expect(event.details).toMatchObject({ sessionsEnded: 1, wasActive: true });
  });

  it("answers 404 for an unknown display or a person's account", async () => {
    expect((await revoke("no-such-display")).status).toBe(404);
    expect((await revoke(world.nurse.userId)).status).toBe(404);
    expect((await world.db.user.findUniqueOrThrow({ where: { id: world.nurse.userId } })).active).toBe(true);
  });
});
