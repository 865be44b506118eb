import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TImportProgress } from "@/lib/realtime/events";
import { createStationServer, type StationServer } from "../create-station-server";
import { broadcastImportProgress } from "./broadcast-import-progress";
import { silentLogger } from "@/lib/log/logger";
import { connectTestSocket, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { externalFile } from "@/test/support/external-data";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { importRoutes } from "./import-routes";
import { recordedReadings } from "@/test/support/recorded-readings";

const NOW = new Date("2026-11-23T10:00:00Z");
let t: TestDb;
let server: StationServer;
let base: string;
let socket: TestSocket;
/** Imports are an administrator's (PERMISSIONS["import.run"]), who also watches the import unit's station. */
let admin: TTestSession;

const observation = (overrides: Record<string, unknown> = {}) => ({
  resourceType: "Observation",
  id: "lac-1",
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "2518-9" }] },
  subject: { identifier: { value: "MRN-1" } },
  effectiveDateTime: "2026-11-23T08:00:00+01:00",
  valueQuantity: { value: 3.2, system: "http://unitsofmeasure.org", code: "mmol/L" },
  ...overrides,
});
const post = (path: string, body: string | Buffer, type = "application/json") =>
  fetch(`${base}${path}`, {
    method: "POST",
    body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]),
    headers: { "content-type": type, cookie: admin.cookie },
  });
const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie: admin.cookie } });
const postJson = (path: string, body: unknown) => post(path, JSON.stringify(body), "application/fhir+json");
const stored = () => t.db.observation.count();

beforeEach(async () => {
  t = await createTestDb();
  await seedImportPatients(t.db, [
    { identifier: "MRN-1", episodeStartedAt: new Date("2026-11-22T00:00:00Z") },
    { identifier: "PATID1234", episodeStartedAt: new Date("2011-01-01T00:00:00Z") },
  ]);
  admin = await signInTestUser(t.db, { role: "admin", unitIds: ["import-unit"], now: NOW });
  server = await createStationServer({ db: t.db, log: silentLogger, now: () => NOW });
  server.mount(
    importRoutes({
      db: t.db,
      sink: server.writer,
      timeZone: "Europe/Paris",
      localCodes: [],
      onProgress: broadcastImportProgress(server.realtime.io),
      log: silentLogger,
      now: () => NOW,
    }),
  );
  const { port } = await server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}`;
  socket = connectTestSocket(base, { cookie: admin.cookie });
  await new Promise<void>((resolve) =>
    socket.on("connect", () => socket.emit("unit:subscribe", { unitId: "import-unit", sinceSeq: 0 }, () => resolve())),
  );
});
afterEach(async () => {
  socket.close();
  await server.close();
  await t.cleanup();
});

describe("POST /api/imports", () => {
  it("imports a streamed file, telling its kind from its first bytes, broadcasting the readings and the job's progress", async () => {
    const progress: TImportProgress[] = [];
    const recorded: number[] = [];
    socket.on("import:progress", (p) => progress.push(p));
    socket.on("observation:recorded", (message) => recorded.push(...recordedReadings(message).map((o) => o.value)));
    const jobId = randomUUID();
    const response = await post(
      `/api/imports?fileName=nist.hl7&jobId=${jobId}`,
      readFileSync(externalFile("hl7v2/nist_lri_cbc_oru_r01.hl7")),
      "application/octet-stream",
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      jobId,
      kind: "hl7",
      status: "done",
      processed: 28,
      accepted: 1,
      rejected: 1,
      ignored: 26,
    });
    await expect.poll(() => progress.at(-1)?.status).toBe("done");
    expect(progress.at(-1)).toMatchObject({ jobId, fileName: "nist.hl7", accepted: 1, rejected: 1 });
    await expect.poll(() => recorded).toEqual([210]);
    const audited = await t.db.auditEvent.findMany({ where: { action: "import.run" } });
    expect(audited).toMatchObject([{ actorId: admin.userId, targetId: jobId, outcome: "success" }]);
  });

  it("reads a CSV of another shape through a saved mapping or one sent with it, and refuses a mapping that is not one", async () => {
    const psv = readFileSync("test/fixtures/physionet-2019/p000001.psv");
    const mapped = await post(
      "/api/imports?fileName=p000001.psv&mapping=physionet-2019-hourly&patient=MRN-1&admittedAt=2026-11-22T06:00:00Z",
      psv,
      "application/octet-stream",
    );
    expect(await mapped.json()).toMatchObject({ kind: "csv", status: "done", processed: 15, accepted: 15 });
    const sent = JSON.stringify({
      format: "station-csv-mapping/1",
      name: "Lactate only",
      delimiter: "|",
      patient: { given: true },
      time: { hoursSinceAdmission: "ICULOS" },
      columns: { Lactate: { parameter: "lactate", unit: "mg/dL" } },
    });
    const own = await post(
      `/api/imports?fileName=p000001.psv&dryRun=true&patient=MRN-1&admittedAt=2026-11-22T06:00:00Z&mapping=${encodeURIComponent(sent)}`,
      psv,
    );
    expect(await own.json()).toMatchObject({ status: "done", processed: 2, duplicate: 2 });
    const refused = await post("/api/imports?fileName=p000001.psv&mapping=physionet", psv);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^mapping: no saved mapping "physionet"/,
    );
    const unknownShape = await post("/api/imports?fileName=p000001.psv&kind=csv", psv);
    expect(await unknownShape.json()).toMatchObject({ status: "failed", accepted: 0 });
  });

  it("dry-runs: the same counts, nothing stored", async () => {
    const response = await post(
      "/api/imports?fileName=nist.hl7&dryRun=true",
      readFileSync(externalFile("hl7v2/nist_lri_cbc_oru_r01.hl7")),
    );
    expect(await response.json()).toMatchObject({ dryRun: true, accepted: 1, rejected: 1 });
    expect(await stored()).toBe(0);
  });

  it("keeps the history and serves the rejection report as CSV", async () => {
    const { jobId } = (await (
      await post("/api/imports?fileName=nist.hl7", readFileSync(externalFile("hl7v2/nist_lri_cbc_oru_r01.hl7")))
    ).json()) as { jobId: string };
    const history = (await (await get("/api/imports")).json()) as {
      jobs: { id: string; accepted: number; ignoredCodes: Record<string, number> }[];
    };
    expect(history.jobs.map((j) => j.id)).toEqual([jobId]);
    expect(history.jobs[0]?.ignoredCodes["LN 26453-1"]).toBe(1);
    const report = await get(`/api/imports/${jobId}/rejections.csv`);
    expect(report.headers.get("content-type")).toMatch(/text\/csv/);
    expect(report.headers.get("content-disposition")).toBe('attachment; filename="nist.hl7-rejections.csv"');
    expect(await report.text()).toBe(
      "location,field,value,code,reason\r\nnist.hl7 line 6 OBX[2],OBX-5,12.5 g/mL,IMPLAUSIBLE_VALUE,hemoglobin 12.5 g/mL (= 1250 g/dL) is outside the plausible range 2–25 g/dL\r\n",
    );
    expect((await get(`/api/imports/${randomUUID()}`)).status).toBe(404);
  });

  it.each([
    ["?kind=xml", /kind/],
    ["?fileName=blob.bin", /cannot tell what blob.bin is/],
  ])("refuses %s with 400 and what to do", async (query, message) => {
    const response = await post(`/api/imports${query}`, "just text");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });
});

describe("POST /api/fhir/Observation", () => {
  it("stores a good Observation (201), answers a repeat with 200 'already stored'", async () => {
    const first = await postJson("/api/fhir/Observation", observation());
    expect(first.status).toBe(201);
    expect(first.headers.get("content-type")).toMatch(/application\/fhir\+json/);
    const again = await postJson("/api/fhir/Observation", observation());
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "duplicate" }] });
    expect(await stored()).toBe(1);
  });

  // Units are read by UCUM since issue 16: g/mL converts (12.5 g/mL = 1250 g/dL, implausible); a unit that is no mass
  // concentration is refused as a unit.
  it.each([
    [
      "12.5 g/mL",
      "g/mL",
      "value",
      "Observation.valueQuantity.value",
      /12\.5 g\/mL.*1250 g\/dL.*outside the plausible range/,
    ],
    ["12.5 mg", "mg", "code-invalid", "Observation.valueQuantity.code", /unit "mg" does not measure hemoglobin/],
  ])(
    "answers a refused Observation (haemoglobin %s) with 422 and an OperationOutcome pointing at the element",
    async (_name, unit, code, expression, diagnostics) => {
      const response = await postJson(
        "/api/fhir/Observation",
        observation({
          valueQuantity: { value: 12.5, code: unit },
          code: { coding: [{ system: "http://loinc.org", code: "718-7" }] },
        }),
      );
      expect(response.status).toBe(422);
      const body = (await response.json()) as {
        issue: { severity: string; code: string; diagnostics: string; expression: string[] }[];
      };
      expect(body.issue[0]).toMatchObject({ severity: "error", code, expression: [expression] });
      expect(body.issue[0]?.diagnostics).toMatch(diagnostics);
      expect(await stored()).toBe(0);
    },
  );

  it.each([
    ["{not json", 400, "structure"],
    [JSON.stringify({ resourceType: "Bundle", type: "batch" }), 400, "not-supported"],
    [JSON.stringify({ resourceType: "Patient" }), 400, "structure"],
  ])("answers %s with %i and an OperationOutcome", async (body, status, code) => {
    const response = await post("/api/fhir/Observation", body, "application/fhir+json");
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code }] });
  });
});

describe("POST /api/fhir", () => {
  const bad = observation({ id: "lac-bad", valueQuantity: { value: 45, code: "mmol/L" } });
  const bundle = (type: string) => ({
    resourceType: "Bundle",
    type,
    entry: [{ resource: { resourceType: "Patient", id: "p" } }, { resource: observation() }, { resource: bad }],
  });

  it("answers a batch entry by entry, storing the good Observation", async () => {
    const response = await postJson("/api/fhir", bundle("batch"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; entry: { response: { status: string } }[] };
    expect(body.type).toBe("batch-response");
    expect(body.entry.map((e) => e.response.status)).toEqual(["200 OK", "201 Created", "422 Unprocessable Entity"]);
    expect(await stored()).toBe(1);
  });

  it("refuses a whole transaction when one Observation is refused, storing nothing", async () => {
    const response = await postJson("/api/fhir", bundle("transaction"));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "value" }] });
    expect(await stored()).toBe(0);
    const good = await postJson("/api/fhir", {
      ...bundle("transaction"),
      entry: bundle("transaction").entry.slice(0, 2),
    });
    expect(good.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  it("sends Bundles that are not batch or transaction to the file import", async () => {
    const response = await post(
      "/api/fhir",
      readFileSync(externalFile("fhir/synthea_r4_cbc_subset_bundle.json")),
      "application/fhir+json",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issue: { diagnostics: string }[] }).issue[0]?.diagnostics).toMatch(
      /collection: POST a batch or a transaction/,
    );
  });
});
