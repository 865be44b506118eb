import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  for (let i = 0; i < 7; i += 1) {
    await recordAuditEvent({
      db: world.db,
      action: "auth.sign-in",
      actor: { userId: "u1", username: "cmartin", role: "physician" },
      context: { ipAddress: "10.1.1.1", userAgent: "tablet" },
      now: new Date(Date.UTC(2025, 2, 10, 9, i)),
    });
  }
  // What a spreadsheet would run: typed as a username at a failed sign-in.
  await recordAuditEvent({
    db: world.db,
    action: "auth.sign-in-failed",
    outcome: "failure",
    actor: { userId: null, username: "=cmd|' /C calc'!A0", role: null },
    context: { ipAddress: "10.6.6.6", userAgent: "+evil" },
    details: { typed: "@SUM(1)" },
    now: new Date(Date.UTC(2025, 2, 10, 10, 0)),
  });
});
afterAll(async () => {
  await world.test.cleanup();
});

const download = async (query: string, cookie = world.admin.cookie) =>
  answer(await GET(adminRequest(`/api/admin/audit/export?${query}`, { cookie })));

describe("GET /api/admin/audit/export", () => {
  it("downloads the matching events as CSV: header once, then one line per event, newest first", async () => {
    const { status, text, headers } = await download("from=2025-03-10T00:00:00Z&to=2025-03-11T00:00:00Z");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(text);
    expect(rows[0]).toEqual([
      "id",
      "at_utc",
      "actor_id",
      "actor_name",
      "actor_role",
      "action",
      "outcome",
      "target_type",
      "target_id",
      "unit_id",
      "ip_address",
      "user_agent",
      "details",
    ]);
    expect(rows).toHaveLength(1 + 8);
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      "2025-03-10T10:00:00.000Z",
      ...[6, 5, 4, 3, 2, 1, 0].map((m) => `2025-03-10T09:0${m}:00.000Z`),
    ]);
    expect(text.split("\r\n").filter((line) => line.startsWith("id,"))).toHaveLength(1);
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const rows = parse((await download("outcome=failure")).text);
    expect(rows).toHaveLength(2);
    const [row] = rows.slice(1);
    expect(row?.[3]).toBe("'=cmd|' /C calc'!A0");
    expect(row?.[11]).toBe("'+evil");
    expect(row?.slice(1).every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
  });

  it("answers the header alone when nothing matches, and 400 naming a bad field", async () => {
    expect((await download("action=user.created")).text).toBe(
      "id,at_utc,actor_id,actor_name,actor_role,action,outcome,target_type,target_id,unit_id,ip_address,user_agent,details\r\n",
    );
    const bad = await download("to=tomorrow");
    expect(bad.status).toBe(400);
    expect(bad.json().error?.issues?.[0]?.field).toBe("to");
  });

  it("refuses a nurse (403), audited, without a byte of the trail", async () => {
    const before = (await deniedEventsOf(world.db, world.nurse.userId)).length;
    const { status, headers, text } = await download("", world.nurse.cookie);
    expect(status).toBe(403);
    expect(headers.get("content-type")).toMatch(/application\/json/);
    expect(text).not.toContain("cmartin");
    expect(await deniedEventsOf(world.db, world.nurse.userId)).toHaveLength(before + 1);
  });

  it("records who exported the trail, and with which filter", async () => {
    await download("action=auth.sign-in");
    const exported = await world.db.auditEvent.findMany({
      where: { action: "audit.exported", actorId: world.admin.userId },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(exported).toHaveLength(1);
    expect(exported[0]?.details).toMatchObject({ filter: { action: "auth.sign-in" } });
  });
});
