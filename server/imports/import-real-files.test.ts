import { createReadStream } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCsvFile } from "@/lib/imports/csv/read-csv-file";
import type { TLocalCode } from "@/lib/imports/codes/local-codes";
import type { TImportRejectionCode } from "@/lib/imports/import-record";
import type { TImportSummary } from "@/lib/db/imports/import-run";
import { listImportRejections } from "@/lib/db/imports/list-import-rejections";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { externalFile } from "@/test/support/external-data";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { importFile } from "./import-file";

/**
 * The real third-party files of test/fixtures/external, imported whole through the real write path into a real
 * database, with synthetic patients whose identifiers are the files' own. Each test states what an honest importer
 * makes of the file, and why.
 */
const TODAY = new Date("2026-11-23T10:00:00Z");
let t: TestDb;

const open = (clock: Date) => {
  const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => clock });
  return (file: string, options: { localCodes?: TLocalCode[]; dryRun?: boolean } = {}) =>
    importFile({
      db: t.db,
      sink: writer,
      filePath: externalFile(file),
      actor: "test",
      now: () => clock,
      timeZone: "Europe/Paris",
      ...options,
    });
};
const counts = (s: TImportSummary) => ({
  processed: s.processed,
  accepted: s.accepted,
  rejected: s.rejected,
  duplicate: s.duplicate,
  ignored: s.ignored,
});
const reasons = async (jobId: string) => {
  const byCode: Partial<Record<TImportRejectionCode, number>> = {};
  for await (const r of listImportRejections({ db: t.db, jobId })) byCode[r.code] = (byCode[r.code] ?? 0) + 1;
  return byCode;
};
const stored = () =>
  t.db.observation.findMany({
    orderBy: { seq: "asc" },
    select: { parameter: true, value: true, unit: true, observedAt: true, source: true },
  });

beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("hl7v2/nist_lri_cbc_oru_r01.hl7 (BOM, LF line ends, Hb in g/mL, platelets in {cells}/uL)", () => {
  beforeEach(() =>
    seedImportPatients(t.db, [{ identifier: "PATID1234", episodeStartedAt: new Date("2011-01-01T00:00:00Z") }]).then(
      () => undefined,
    ),
  );

  // Units are read by UCUM since issue 16: g/mL is a mass concentration the station converts, so the haemoglobin's
  // 12.5 g/mL (the NIST message's g/dL value under a wrong unit) is 1250 g/dL and refused as implausible, not stored.
  it("accepts the platelets (210000 {cells}/uL = 210 × 10⁹/L), rejects the haemoglobin's 12.5 g/mL as implausible, ignores the 26 other analytes", async () => {
    const summary = await open(TODAY)("hl7v2/nist_lri_cbc_oru_r01.hl7");
    expect(summary.kind).toBe("hl7");
    expect(counts(summary)).toEqual({ processed: 28, accepted: 1, rejected: 1, duplicate: 0, ignored: 26 });
    expect(summary.rejections).toEqual([
      {
        location: "nist_lri_cbc_oru_r01.hl7 line 6 OBX[2]",
        field: "OBX-5",
        value: "12.5 g/mL",
        code: "IMPLAUSIBLE_VALUE",
        reason: "hemoglobin 12.5 g/mL (= 1250 g/dL) is outside the plausible range 2–25 g/dL",
      },
    ]);
    expect(await stored()).toEqual([
      {
        parameter: "platelets",
        value: 210,
        unit: "10*9/L",
        observedAt: new Date("2011-01-03T22:34:28Z"),
        source: "hl7",
      },
    ]);
    expect(summary.ignoredCodes["LN 26453-1"]).toBe(1);
  });

  it("adds nothing when imported again", async () => {
    const importOne = open(TODAY);
    await importOne("hl7v2/nist_lri_cbc_oru_r01.hl7");
    const again = await importOne("hl7v2/nist_lri_cbc_oru_r01.hl7");
    expect(counts(again)).toEqual({ processed: 28, accepted: 0, rejected: 1, duplicate: 1, ignored: 26 });
    expect(await stored()).toHaveLength(1);
  });

  it("and the converter's FHIR Bundle of the same message then adds nothing either: the same result by another route", async () => {
    const importOne = open(TODAY);
    await importOne("hl7v2/nist_lri_cbc_oru_r01.hl7");
    const fhir = await importOne("fhir/msconverter_nist_lri_cbc_expected_bundle.json");
    expect(counts(fhir)).toEqual({ processed: 28, accepted: 0, rejected: 1, duplicate: 1, ignored: 26 });
    expect(await stored()).toHaveLength(1);
  });
});

describe("hl7v2/msconverter_lab_oru_1.hl7 (pending and empty results, giga.l-1, LOINC 11125-2 sent for a platelet count)", () => {
  beforeEach(() =>
    seedImportPatients(t.db, [{ identifier: "10006579", episodeStartedAt: new Date("2014-10-01T00:00:00Z") }]).then(
      () => undefined,
    ),
  );

  it("ignores all 10 results with the shipped codes: none is a catalogue LOINC (11125-2 is 'platelet morphology finding')", async () => {
    const summary = await open(TODAY)("hl7v2/msconverter_lab_oru_1.hl7");
    expect(counts(summary)).toEqual({ processed: 10, accepted: 0, rejected: 0, duplicate: 0, ignored: 10 });
  });

  it("with the sender's codes in the site table: platelets 221 giga.l-1 accepted, the pending haemoglobin (I, no value) rejected", async () => {
    const localCodes: TLocalCode[] = [
      {
        system: "LN",
        code: "11125-2",
        parameter: "platelets",
        sender: "SomeSystem",
        note: "SomeSystem sends its platelet count under this code",
      },
      { system: "LN", code: "20509-6", parameter: "hemoglobin", sender: "SomeSystem", note: "Hb by calculation" },
    ];
    const summary = await open(TODAY)("hl7v2/msconverter_lab_oru_1.hl7", { localCodes });
    expect(counts(summary)).toEqual({ processed: 10, accepted: 1, rejected: 1, duplicate: 0, ignored: 8 });
    expect(summary.rejections).toEqual([
      {
        location: "msconverter_lab_oru_1.hl7 line 6 OBX[3]",
        field: "OBX-11",
        value: "I",
        code: "PENDING_RESULT",
        reason: 'pending result / no value: result status "I" is not final',
      },
    ]);
    // OBX-14 20141006083000+0700.
    expect(await stored()).toEqual([
      {
        parameter: "platelets",
        value: 221,
        unit: "10*9/L",
        observedAt: new Date("2014-10-06T01:30:00Z"),
        source: "hl7",
      },
    ]);
  });
});

describe("fhir/synthea_r4_cbc_subset_bundle.json (collection Bundle, Patient + 5 CBC Observations)", () => {
  it("accepts platelets and haemoglobin for the patient's MRN and ignores haematocrit, erythrocytes and leukocytes", async () => {
    await seedImportPatients(t.db, [
      { identifier: "fc712d1f-5a2e-4407-9c55-a2a2bad623c2", episodeStartedAt: new Date("2016-03-01T00:00:00Z") },
    ]);
    const importOne = open(TODAY);
    const summary = await importOne("fhir/synthea_r4_cbc_subset_bundle.json");
    expect(summary.kind).toBe("fhir");
    expect(counts(summary)).toEqual({ processed: 5, accepted: 2, rejected: 0, duplicate: 0, ignored: 3 });
    expect(summary.ignoredCodes).toEqual({ "LN 4544-3": 1, "LN 789-8": 1, "LN 6690-2": 1 });
    const at = new Date("2016-03-07T05:28:45Z");
    expect(await stored()).toEqual([
      // 10*3/uL converts (factor 1, rounded to 12 significant digits); g/dL is stored as sent.
      { parameter: "platelets", value: 438.946865009, unit: "10*9/L", observedAt: at, source: "fhir" },
      { parameter: "hemoglobin", value: 16.079701556982158, unit: "g/dL", observedAt: at, source: "fhir" },
    ]);
    expect(counts(await importOne("fhir/synthea_r4_cbc_subset_bundle.json"))).toMatchObject({
      accepted: 0,
      duplicate: 2,
    });
  });
});

describe("fhir/msconverter_nist_lri_cbc_expected_bundle.json (batch Bundle of the NIST message)", () => {
  it("makes the same decisions as for the HL7 message: 1 accepted, the 12.5 g/mL haemoglobin rejected as implausible at entry 9, 26 ignored", async () => {
    await seedImportPatients(t.db, [{ identifier: "PATID1234", episodeStartedAt: new Date("2011-01-01T00:00:00Z") }]);
    const summary = await open(TODAY)("fhir/msconverter_nist_lri_cbc_expected_bundle.json");
    expect(counts(summary)).toEqual({ processed: 28, accepted: 1, rejected: 1, duplicate: 0, ignored: 26 });
    expect(summary.rejections[0]).toMatchObject({
      location: expect.stringMatching(/entry\[9\] Observation\/e950bf40/) as unknown,
      field: "valueQuantity.value",
      value: "12.5 g/mL",
      code: "IMPLAUSIBLE_VALUE",
    });
  });
});

describe("mimic-iv-demo (K/uL platelets, lactate without LOINC, rows without a value, dates shifted to 2110–2201)", () => {
  /** One synthetic patient per MIMIC subject_id, on support from the day before their first result. */
  const seedSubjects = async (file: string) => {
    const first = new Map<string, number>();
    for await (const chunk of readCsvFile({ input: createReadStream(externalFile(file)), file, preset: "mimic" })) {
      for (const item of chunk) {
        if (item.type !== "record" || !item.record.time.ok) continue;
        const id = item.record.patientIdentifiers[0] ?? "";
        first.set(id, Math.min(first.get(id) ?? Infinity, item.record.time.at.getTime()));
      }
    }
    await seedImportPatients(
      t.db,
      [...first].map(([identifier, ms]) => ({ identifier, episodeStartedAt: new Date(ms - 86_400_000) })),
    );
    return first.size;
  };
  // MIMIC's shifted dates lie in the future: "now" is set after the last of them, as if the shift were undone.
  const AFTER_MIMIC = new Date("2202-01-01T00:00:00Z");

  it("selected labs: 4,392 accepted; 9 rows without a value and a fibrinogen of 1094 mg/dL (10.94 g/L > 10) rejected; 6,318 other analytes ignored", async () => {
    expect(await seedSubjects("mimic-iv-demo/mimic_iv_demo_selected_labs.csv")).toBe(97);
    const summary = await open(AFTER_MIMIC)("mimic-iv-demo/mimic_iv_demo_selected_labs.csv");
    expect(summary.kind).toBe("mimic");
    expect(counts(summary)).toEqual({ processed: 10_720, accepted: 4_392, rejected: 10, duplicate: 0, ignored: 6_318 });
    expect(await reasons(summary.jobId)).toEqual({ PENDING_RESULT: 9, IMPLAUSIBLE_VALUE: 1 });
    expect(summary.rejections.find((r) => r.code === "IMPLAUSIBLE_VALUE")).toMatchObject({
      field: "valuenum",
      value: "1094 mg/dL",
    });
    expect(summary.rejections.filter((r) => r.code === "PENDING_RESULT").map((r) => r.value)).toContain(
      "UNABLE TO REPORT.",
    );
    const byParameter = await t.db.observation.groupBy({
      by: ["parameter"],
      _count: true,
      orderBy: { parameter: "asc" },
    });
    expect(byParameter.map((g) => [g.parameter, g._count])).toEqual([
      ["fibrinogen", 110],
      ["hemoglobin", 1_917],
      ["lactate", 567],
      ["platelets", 1_798],
    ]);
    expect(await t.db.observation.findFirst({ where: { parameter: "platelets" }, select: { unit: true } })).toEqual({
      unit: "10*9/L",
    });

    const again = await open(AFTER_MIMIC)("mimic-iv-demo/mimic_iv_demo_selected_labs.csv");
    expect(counts(again)).toEqual({ processed: 10_720, accepted: 0, rejected: 10, duplicate: 4_392, ignored: 6_318 });
    // 4,392 lab results go one by one (each may supersede a current row): on PostgreSQL a round trip each, which on a
    // busy machine outlasts the default 30 s.
  }, 120_000);

  it("selected labs with today's clock: every monitored result is 'a time in the future' and nothing is stored", async () => {
    await seedSubjects("mimic-iv-demo/mimic_iv_demo_selected_labs.csv");
    const summary = await open(TODAY)("mimic-iv-demo/mimic_iv_demo_selected_labs.csv", { dryRun: true });
    expect(counts(summary)).toEqual({ processed: 10_720, accepted: 0, rejected: 4_402, duplicate: 0, ignored: 6_318 });
    expect(await reasons(summary.jobId)).toEqual({ FUTURE_TIME: 4_392, PENDING_RESULT: 9, IMPLAUSIBLE_VALUE: 1 });
  });

  it("subject 10002495: lactate 3.1 → 4.4 … 1.3 mmol/L, 11 Hb and 11 platelet counts accepted, 47 other analytes ignored", async () => {
    await seedSubjects("mimic-iv-demo/mimic_iv_demo_subject_10002495_labs.csv");
    const summary = await open(AFTER_MIMIC)("mimic-iv-demo/mimic_iv_demo_subject_10002495_labs.csv");
    expect(counts(summary)).toEqual({ processed: 78, accepted: 31, rejected: 0, duplicate: 0, ignored: 47 });
    const lactate = await t.db.observation.findMany({
      where: { parameter: "lactate" },
      orderBy: { observedAt: "asc" },
      select: { value: true },
    });
    expect(lactate.map((l) => l.value)).toEqual([3.1, 4.4, 3.5, 2.4, 1.8, 1.4, 1.3, 1.8, 2]);
  });
});
