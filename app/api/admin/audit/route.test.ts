import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAuditEventDto } from "@/lib/auth/audit-actions";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import {
  adminRequest,
  answer,
  createAdminWorld,
  deniedEventsOf,
  type TAdminWorld,
} from "@/test/support/admin-route-kit";
import { GET } from "./route";

let world: TAdminWorld;
beforeAll(async () => {
  world = await createAdminWorld();
  const at = (minutes: number) => new Date(Date.UTC(2025, 2, 10, 9, minutes));
  await recordAuditEvent({
    db: world.db,
    action: "auth.sign-in",
    actor: { userId: "u1", username: "cmartin", role: "physician" },
    context: { ipAddress: "10.1.1.1", userAgent: null },
    now: at(0),
  });
  await recordAuditEvent({
    db: world.db,
    action: "auth.sign-in-failed",
    outcome: "failure",
    actor: { userId: null, username: "cmartinn", role: null },
    context: null,
    now: at(1),
  });
  await recordAuditEvent({
    db: world.db,
    action: "score.recorded",
    actor: { userId: "u1", username: "cmartin", role: "physician" },
    context: null,
    unitId: world.unitA,
    target: { type: "bed", id: "bed-1" },
    details: { total: 12 },
    now: at(2),
  });
  await recordAuditEvent({
    db: world.db,
    action: "auth.sign-out",
    actor: { userId: "u2", username: "jdupont", role: "nurse" },
    context: null,
    now: at(3),
  });
});
afterAll(async () => {
  await world.test.cleanup();
});

type TPage = { events: unknown[]; nextBefore: number | null };
const list = async (query: string, cookie = world.admin.cookie) =>
  answer(await GET(adminRequest(`/api/admin/audit?${query}`, { cookie })));
const page = async (query: string) => {
  const { status, json } = await list(query);
  expect(status).toBe(200);
  const body = json<TPage>();
  return { events: body.events.map((e) => ZAuditEventDto.parse(e)), nextBefore: body.nextBefore };
};

describe("GET /api/admin/audit", () => {
  it("pages newest first: `nextBefore` leads to the older events, without repeating any", async () => {
    const range = "from=2025-03-10T00:00:00Z&to=2025-03-11T00:00:00Z";
    const first = await page(`${range}&limit=3`);
    expect(first.events.map((e) => e.action)).toEqual(["auth.sign-out", "score.recorded", "auth.sign-in-failed"]);
    expect(first.nextBefore).toBe(first.events.at(-1)?.id);
    const second = await page(`${range}&limit=3&before=${first.nextBefore}`);
    expect(second.events.map((e) => e.action)).toEqual(["auth.sign-in"]);
    expect(second.nextBefore).toBeNull();
  });

  it("filters by actor (contains), action, outcome and unit, and answers each row's details", async () => {
    expect((await page("actor=cmart")).events.map((e) => e.actorName)).toEqual(["cmartin", "cmartinn", "cmartin"]);
    expect((await page("outcome=failure")).events.map((e) => e.actorName)).toEqual(["cmartinn"]);
    const [score] = (await page(`action=score.recorded&unitId=${world.unitA}`)).events;
    expect(score).toMatchObject({
      actorRole: "physician",
      targetType: "bed",
      targetId: "bed-1",
      unitId: world.unitA,
      details: { total: 12 },
    });
  });

  it("refuses a malformed filter with 400 naming the field", async () => {
    const { status, json } = await list("action=user.exploded&from=yesterday");
    expect(status).toBe(400);
    expect(
      json()
        .error?.issues?.map((i) => i.field)
        .sort(),
    ).toEqual(["action", "from"]);
  });

  it("refuses a nurse (403) and records the refusal, which then shows in the trail", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    expect((await list("", world.nurse.cookie)).status).toBe(403);
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
    const [denied] = (await page("action=access.denied")).events;
    expect(denied).toMatchObject({
      actorName: world.nurse.username,
      outcome: "denied",
      ipAddress: "10.0.0.7",
      details: { action: "audit.view", reason: "role" },
    });
  });
});
