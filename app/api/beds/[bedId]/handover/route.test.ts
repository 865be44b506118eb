import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZDocumentChange } from "@/lib/changes/change";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { PUT as saveDraft } from "./draft/route";
import { HOSTILE_TEXT } from "@/test/support/hostile-text";
import { POST as addAction } from "./actions/route";
import { POST as receive } from "./receive/route";
import { GET } from "./route";
import { POST as signOut } from "./sign-out/route";

let test: TestDb;
let bed: TestEpisode;
let nurse: TTestSession;
let nurse2: TTestSession;
let perfusionist: TTestSession;
let otherUnitNurse: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  bed = await seedTestEpisode(test.db, { suffix: "1", deviceType: "IABP" });
  await test.db.unit.create({ data: { id: "elsewhere", name: "Elsewhere", timeZone: "Europe/Paris" } });
  provideDb(test.db);
  nurse = await signInTestUser(test.db, { role: "nurse", unitIds: [bed.unitId] });
  nurse2 = await signInTestUser(test.db, { role: "nurse", unitIds: [bed.unitId] });
  perfusionist = await signInTestUser(test.db, { role: "perfusionist", unitIds: [bed.unitId] });
  otherUnitNurse = await signInTestUser(test.db, { role: "nurse", unitIds: ["elsewhere"] });
});
afterAll(async () => {
  await test.cleanup();
});

type THandler = (request: Request, context: { params: Promise<{ bedId: string }> }) => Promise<Response>;
const call = async (handler: THandler, who: TTestSession, method: string, query: string, body?: unknown) => {
  const request = new Request(`http://station.test/api/beds/${bed.bedId}/handover${query}`, {
    method,
    headers: { cookie: who.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({ bedId: bed.bedId }) });
  return {
    status: response.status,
    body: (await response.json()) as {
      status?: string;
      shift?: { key: string };
      error?: { code: string; message: string };
    },
  };
};
const content = { illnessSeverity: "stable", situation: "Quiet shift.", contingencies: [], notes: "" };

describe("the handover routes of a bed", () => {
  it("let a nurse draft and sign out, another nurse receive, and refuse the rest with the reason", async () => {
    const sheet = await call(GET, nurse, "GET", "");
    expect(sheet.status).toBe(200);
    const shift = `?shift=${encodeURIComponent(sheet.body.shift?.key ?? "")}`;

    expect((await call(saveDraft, perfusionist, "PUT", shift, { ...content, version: 0 })).status).toBe(403);
    expect((await call(GET, otherUnitNurse, "GET", "")).status).toBe(403);
    expect((await call(saveDraft, nurse, "PUT", "", { ...content, version: 0 })).status).toBe(400);
    const invalid = await call(saveDraft, nurse, "PUT", shift, { ...content, illnessSeverity: "fine", version: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.message).toContain("illnessSeverity");

    expect((await call(saveDraft, nurse, "PUT", shift, { ...content, version: 0 })).status).toBe(200);
    expect((await call(signOut, nurse, "POST", shift, { ...content, version: 1 })).status).toBe(201);
    const self = await call(receive, nurse, "POST", shift, { readBack: "Quiet shift, nothing pending." });
    expect(self.status).toBe(403);
    expect(self.body.error?.message).toMatch(/another person/);
    expect((await call(receive, nurse2, "POST", shift, { readBack: "short" })).status).toBe(400);
    expect((await call(receive, nurse2, "POST", shift, { readBack: "Quiet shift, nothing pending." })).status).toBe(
      201,
    );
    expect((await call(GET, perfusionist, "GET", shift)).body.status).toBe("received");
    // Each commit left its DocumentChange, from which the change feed tells the unit's screens: the draft, the
    // sign-out's two (its text saved, then the signature), the receipt; none of the refusals left one.
    const logged = await test.db.documentChange.findMany({ orderBy: { seq: "asc" } });
    const change = { type: "handover:changed", unitId: bed.unitId, bedId: bed.bedId, shiftKey: sheet.body.shift?.key };
    expect(
      logged.map((row) =>
        ZDocumentChange.parse({ ...(row.details as object), type: row.type, unitId: row.unitId, bedId: row.bedId }),
      ),
    ).toEqual([change, change, change, change]);
  });

  it("refuse an action holding text a record cannot hold, 400 naming the field, and store nothing", async () => {
    const before = await test.db.handoverAction.count();
    for (const [name, text] of HOSTILE_TEXT) {
      const refused = await call(addAction, nurse, "POST", "", { text });
      expect(refused.status, name).toBe(400);
      expect(refused.body.error?.code, name).toBe("INVALID_INPUT");
      expect(refused.body.error?.message, name).toMatch(/text: contains /);
    }
    expect(await test.db.handoverAction.count()).toBe(before);
    expect((await call(addAction, nurse, "POST", "", { text: "Rappeler l'ECMO team 🙂 à 14 h" })).status).toBe(201);
  });
});
