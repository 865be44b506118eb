import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { GET, PUT } from "./route";

let test: TestDb;
let admin: TTestSession;
let nurse: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  await test.db.unit.create({ data: { id: "u1", name: "Unit 1", timeZone: "Europe/Paris" } });
  provideDb(test.db);
  admin = await signInTestUser(test.db, { role: "admin", unitIds: ["u1"] });
  nurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["u1"] });
});
afterAll(() => test.cleanup());

const call = async (handler: typeof GET, cookie: string, method: string, body?: unknown) => {
  const request = new Request("http://station.test/api/units/u1/shift-pattern", {
    method,
    headers: { cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({ unitId: "u1" }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("/api/units/:unitId/shift-pattern", () => {
  it("answers the default pattern, then the one an administrator sets, audited", async () => {
    expect((await call(GET, nurse.cookie, "GET")).body).toMatchObject({ configured: false, timeZone: "Europe/Paris" });
    const put = await call(PUT, admin.cookie, "PUT", {
      shifts: [
        { name: "day", start: "08:00" },
        { name: "night", start: "20:00" },
      ],
    });
    expect(put).toMatchObject({
      status: 200,
      body: { configured: true, pattern: { shifts: [{ start: "08:00" }, { start: "20:00" }] } },
    });
    expect(await test.db.auditEvent.count({ where: { action: "shift.pattern-changed", actorId: admin.userId } })).toBe(
      1,
    );
  });

  it("lets the administrator who sets it read it, and refuses a role with neither right", async () => {
    expect(await call(GET, admin.cookie, "GET")).toMatchObject({ status: 200, body: { unitId: "u1" } });
    const display = await signInTestUser(test.db, { role: "display", unitIds: ["u1"] });
    expect((await call(GET, display.cookie, "GET")).status).toBe(403);
  });

  it("refuses a nurse (403) and a bad pattern, naming the field (400)", async () => {
    expect((await call(PUT, nurse.cookie, "PUT", { shifts: [{ name: "day", start: "07:00" }] })).status).toBe(403);
    const bad = await call(PUT, admin.cookie, "PUT", { shifts: [{ name: "day", start: "7h" }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("shifts.0.start");
  });
});
