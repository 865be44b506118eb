import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCsvFile } from "@/lib/imports/csv/read-csv-file";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import { EpisodeDirectory } from "@/server/ingest/episode-directory";
import { ObservationWriter } from "@/server/ingest/observation-writer";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { listImportRejections } from "./list-import-rejections";
import type { TImportState } from "./import-run";
import { runImport } from "./run-import";

const NOW = new Date("2026-11-23T10:00:00Z");
const HEADER = "patient_id,parameter,loinc,value,unit,observed_at,status";
let t: TestDb;
let writer: ObservationWriter;

const row = (
  minute: number,
  value = 3.2,
  patient = "MRN-1",
  extra: Partial<Record<"parameter" | "loinc" | "unit" | "status", string>> = {},
) =>
  [
    patient,
    extra.parameter ?? "lactate",
    extra.loinc ?? "",
    value,
    extra.unit ?? "mmol/L",
    `2026-11-23T08:${String(minute).padStart(2, "0")}:00Z`,
    extra.status ?? "",
  ].join(",");

const csv = (rows: string[]) =>
  readCsvFile({ input: Readable.from([[HEADER, ...rows].join("\n")]), file: "labs.csv", preset: "generic" });

const run = (
  rows: string[],
  options: { dryRun?: boolean; batchSize?: number; sink?: ReadingSink; onProgress?: (s: TImportState) => void } = {},
) =>
  runImport({
    db: t.db,
    sink: options.sink ?? writer,
    items: csv(rows),
    kind: "csv",
    fileName: "labs.csv",
    actor: "test",
    now: () => NOW,
    ...options,
  });

const stored = () => t.db.observation.count();

beforeEach(async () => {
  t = await createTestDb();
  await seedImportPatients(t.db, [
    { identifier: "MRN-1", episodeStartedAt: new Date("2026-11-22T00:00:00Z") },
    { identifier: "MRN-LATE", episodeStartedAt: new Date("2026-11-23T09:00:00Z") },
    { identifier: "MRN-OUT", episodeStartedAt: new Date("2026-11-01T00:00:00Z") },
    { identifier: "MRN-WEANED", episodeStartedAt: new Date("2026-11-01T00:00:00Z") },
    {
      identifier: "MRN-PRE",
      admittedAt: new Date("2026-11-23T07:00:00Z"),
      episodeStartedAt: new Date("2026-11-23T07:00:00Z"),
      noSupport: true,
    },
  ]);
  // MRN-OUT was discharged; MRN-WEANED is still admitted, weaned from its support.
  await t.db.supportEpisode.updateMany({
    where: { patient: { identifier: { in: ["MRN-OUT", "MRN-WEANED"] } } },
    data: { endedAt: new Date("2026-11-20T00:00:00Z") },
  });
  await t.db.stay.updateMany({
    where: { patient: { identifier: "MRN-OUT" } },
    data: { dischargedAt: new Date("2026-11-20T00:00:00Z"), openBedKey: null, openPatientKey: null },
  });
  writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
});
afterEach(async () => {
  await writer.drain();
  await t.cleanup();
});

describe("runImport", () => {
  it("stores accepted readings through the write path in the catalogue's unit and records the job", async () => {
    const summary = await run([
      row(0),
      row(1, 36.04, "MRN-1", { unit: "mg/dL" }),
      row(2, 150, "MRN-1", { parameter: "", loinc: "777-3", unit: "10*3/uL" }),
    ]);
    expect(summary).toMatchObject({ status: "done", processed: 3, accepted: 3, rejected: 0, duplicate: 0, ignored: 0 });
    const values = await t.db.observation.findMany({
      orderBy: { seq: "asc" },
      select: { parameter: true, value: true, unit: true, source: true },
    });
    expect(values).toEqual([
      { parameter: "lactate", value: 3.2, unit: "mmol/L", source: "csv" },
      { parameter: "lactate", value: 4.00088809947, unit: "mmol/L", source: "csv" },
      { parameter: "platelets", value: 150, unit: "10*9/L", source: "csv" },
    ]);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: summary.jobId } })).toMatchObject({
      status: "done",
      accepted: 3,
      dryRun: false,
      actor: "test",
    });
  });

  it("rejects with the reason and the source's field, and keeps every rejection for the report", async () => {
    const summary = await run([
      row(0, 45),
      row(1, 3.2, "NOBODY"),
      row(2, 3.2, "MRN-OUT"),
      row(3, 3.2, "MRN-LATE"),
      // mg is a mass, not a concentration: no molar mass makes it one (issue 16: units are read by UCUM).
      row(4, 3.2, "MRN-1", { unit: "mg" }),
      // I: specimen in the lab, no result yet (a preliminary P is stored and shown as such since issue 16).
      row(5, 3.2, "MRN-1", { status: "I" }),
      "MRN-1,lactate,,3.2,mmol/L,2026-11-23T12:00:00Z,",
    ]);
    expect(summary).toMatchObject({ processed: 7, accepted: 0, rejected: 7 });
    const report = [];
    for await (const r of listImportRejections({ db: t.db, jobId: summary.jobId })) report.push(r);
    expect(report.map((r) => [r.location, r.field, r.code])).toEqual([
      ["labs.csv line 2", "value", "IMPLAUSIBLE_VALUE"],
      ["labs.csv line 3", "patient_id", "UNKNOWN_PATIENT"],
      ["labs.csv line 4", "patient_id", "NOT_ADMITTED"],
      ["labs.csv line 5", "observed_at", "OUTSIDE_STAY"],
      ["labs.csv line 6", "unit", "UNIT_NOT_ACCEPTED"],
      ["labs.csv line 7", "status", "PENDING_RESULT"],
      ["labs.csv line 8", "observed_at", "FUTURE_TIME"],
    ]);
    expect(report[1]?.reason).toBe('unknown patient: no patient with identifier "NOBODY"');
    expect(report[2]?.reason).toMatch(/patient "MRN-OUT" is not admitted/);
    expect(report[3]?.reason).toMatch(/outside the stay.*the patient was admitted at 2026-11-23T09:00/);
    expect(report[6]?.reason).toMatch(/a time in the future/);
    expect(await stored()).toBe(0);
  });

  it("stores a lab of an admitted patient with no support running with its stay; a support device's value needs one", async () => {
    const summary = await run([
      // Before cannulation: admitted, no support yet.
      row(0, 4.1, "MRN-PRE"),
      // After weaning: the stay is open, its support ended.
      row(1, 1.9, "MRN-WEANED"),
      row(2, 3.5, "MRN-PRE", { parameter: "ecmo_flow", unit: "L/min" }),
    ]);
    expect(summary).toMatchObject({ processed: 3, accepted: 2, rejected: 1 });
    const values = await t.db.observation.findMany({
      orderBy: { seq: "asc" },
      select: { parameter: true, value: true, stayId: true, episodeId: true, bedId: true },
    });
    const stays = await t.db.stay.findMany({
      where: { patient: { identifier: { in: ["MRN-PRE", "MRN-WEANED"] } } },
      select: { id: true, bedId: true, patient: { select: { identifier: true } } },
    });
    const stayOf = (mrn: string) => stays.find((s) => s.patient.identifier === mrn);
    expect(values).toEqual([
      {
        parameter: "lactate",
        value: 4.1,
        stayId: stayOf("MRN-PRE")?.id,
        episodeId: null,
        bedId: stayOf("MRN-PRE")?.bedId,
      },
      {
        parameter: "lactate",
        value: 1.9,
        stayId: stayOf("MRN-WEANED")?.id,
        episodeId: null,
        bedId: stayOf("MRN-WEANED")?.bedId,
      },
    ]);
    const report = [];
    for await (const r of listImportRejections({ db: t.db, jobId: summary.jobId })) report.push(r);
    expect(report.map((r) => [r.location, r.field, r.code])).toEqual([
      ["labs.csv line 4", "observed_at", "NO_ACTIVE_EPISODE"],
    ]);
    expect(report[0]?.reason).toMatch(/no support was running/);
  });

  it("dry-runs with the same counts as the import and stores nothing", async () => {
    const rows = [row(0), row(1), row(1), row(2, 99), row(3, 1, "MRN-1", { parameter: "", loinc: "26453-1" })];
    const dry = await run(rows, { dryRun: true, batchSize: 1 });
    expect(await stored()).toBe(0);
    const real = await run(rows, { batchSize: 1 });
    const counts = ({ processed, accepted, rejected, duplicate, ignored }: typeof dry) => ({
      processed,
      accepted,
      rejected,
      duplicate,
      ignored,
    });
    expect(counts(dry)).toEqual({ processed: 5, accepted: 2, rejected: 1, duplicate: 1, ignored: 1 });
    expect(counts(real)).toEqual(counts(dry));
    expect(dry.ignoredCodes).toEqual({ "LN 26453-1": 1 });
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: dry.jobId } })).toMatchObject({
      dryRun: true,
      status: "done",
      accepted: 2,
    });
  });

  it("adds nothing when the same file is imported again", async () => {
    const rows = [row(0), row(1), row(2)];
    await run(rows);
    const again = await run(rows);
    expect(again).toMatchObject({ accepted: 0, duplicate: 3 });
    expect(await stored()).toBe(3);
  });

  it("counts as duplicate the same result sent by another route (same patient, parameter, time and value)", async () => {
    await writer.submit([
      {
        episodeId: "import-unit-episode-1",
        parameter: "lactate",
        value: 3.2,
        unit: "mmol/L",
        observedAt: new Date("2026-11-23T08:00:00Z"),
        source: "hl7",
        sourceRef: "hl7:LAB:1",
      },
    ]);
    const summary = await run([row(0, 3.2), row(0, 3.3)]);
    expect(summary).toMatchObject({ accepted: 1, duplicate: 1 });
  });

  it("stores a corrected result beside the original and counts it", async () => {
    const summary = await run([row(0, 3.2), row(0, 3.4, "MRN-1", { status: "C" })]);
    expect(summary).toMatchObject({ accepted: 2, corrected: 1 });
  });

  it("keeps whole batches only when the write fails mid-import, and a re-run completes without duplicating", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i));
    let calls = 0;
    const failing: ReadingSink = {
      submit: (readings) => writer.submit(readings),
      submitValid: (readings) => {
        calls += 1;
        if (calls === 2) return Promise.reject(new Error("disk full"));
        return writer.submitValid(readings);
      },
    };
    const broken = await run(rows, { sink: failing, batchSize: 4 });
    expect(broken.status).toBe("failed");
    expect(broken.error).toMatch(/disk full.*run the same import again/);
    expect(await stored()).toBe(4);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: broken.jobId } })).toMatchObject({
      status: "failed",
      accepted: 4,
    });

    const rerun = await run(rows, { batchSize: 4 });
    expect(rerun).toMatchObject({ status: "done", accepted: 6, duplicate: 4 });
    expect(await stored()).toBe(10);
  });

  it("reports progress after each batch and once at the end", async () => {
    const states: TImportState[] = [];
    await run([row(0), row(1), row(2)], { batchSize: 2, onProgress: (s) => states.push(s) });
    expect(states.map((s) => [s.status, s.processed])).toEqual([
      ["running", 2],
      ["running", 3],
      ["done", 3],
    ]);
  });
});
