import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZDisplayDto, ZIssuedPairing } from "@/lib/auth/account-dtos";
import {
  adminRequest,
  answer,
  createAdminWorld,
  deniedEventsOf,
  type TAdminWorld,
} from "@/test/support/admin-route-kit";
import { GET, POST } from "./route";

let world: TAdminWorld;
beforeAll(async () => {
  world = await createAdminWorld();
});
afterAll(async () => {
  await world.test.cleanup();
});

const list = async (cookie = world.admin.cookie) => answer(await GET(adminRequest("/api/admin/displays", { cookie })));
const create = async (body: unknown, cookie = world.admin.cookie) =>
  answer(await POST(adminRequest("/api/admin/displays", { method: "POST", cookie, body })));

describe("POST /api/admin/displays", () => {
  it("creates a display for the unit and answers its one-time pairing code once, with its expiry", async () => {
    const before = Date.now();
    const { status, json } = await create({ displayName: "Corridor A", unitId: world.unitB });
    expect(status).toBe(201);
    const issued = ZIssuedPairing.parse(json());
    expect(issued.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(new Date(issued.expiresAt).getTime() - before).toBeGreaterThan(14 * 60_000);
    expect(issued.display).toMatchObject({
      displayName: "Corridor A",
      unitId: world.unitB,
      active: true,
      sessions: 0,
      pairingExpiresAt: issued.expiresAt,
    });
    // Only the code's hash is stored.
    const pairing = await world.db.displayPairing.findFirstOrThrow({ where: { userId: issued.display.id } });
    expect(pairing.id).not.toContain(issued.code);
    const actions = await world.db.auditEvent.findMany({
      where: { targetId: issued.display.id },
      orderBy: { id: "asc" },
    });
    expect(actions.map((e) => [e.action, e.actorId, e.unitId])).toEqual([
      ["display.created", world.admin.userId, world.unitB],
      ["display.pairing-issued", world.admin.userId, world.unitB],
    ]);
    expect(JSON.stringify(actions.map((e) => e.details))).not.toContain(issued.code);
  });

  it("refuses a missing name or unit with 400 naming the field, and an unknown unit", async () => {
    const missing = await create({ displayName: " " });
    expect(missing.status).toBe(400);
    expect(
      missing
        .json()
        .error?.issues?.map((i) => i.field)
        .sort(),
    ).toEqual(["displayName", "unitId"]);
    const unknown = await create({ displayName: "Nowhere", unitId: "no-unit" });
    expect(unknown.status).toBe(400);
    expect(unknown.json().error?.message).toMatch(/no unit "no-unit"/);
  });

  it("refuses a nurse (403), audited, and creates nothing", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const { status } = await create({ displayName: "Sneaky", unitId: world.unitA }, world.nurse.cookie);
    expect(status).toBe(403);
    const denied = await deniedEventsOf(world.db, world.nurse.userId);
    expect(denied).toHaveLength(before + 1);
    expect(denied[0]?.details).toMatchObject({ action: "display.manage" });
    expect(await world.db.user.count({ where: { displayName: "Sneaky" } })).toBe(0);
  });
});

describe("GET /api/admin/displays", () => {
  it("lists wall screens only, with their pending code's expiry but never the code", async () => {
    const { status, json, text } = await list();
    expect(status).toBe(200);
    const displays = json<{ displays: unknown[] }>().displays.map((d) => ZDisplayDto.parse(d));
    expect(displays.map((d) => d.displayName)).toEqual(["Corridor A"]);
    expect(displays[0]?.pairingExpiresAt).not.toBeNull();
    expect(text).not.toMatch(/"code"/);
  });

  it("refuses a nurse (403), audited", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    expect((await list(world.nurse.cookie)).status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
  });
});
