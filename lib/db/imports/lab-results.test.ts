import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFhirJson } from "@/lib/imports/fhir/read-fhir-json";
import { readHl7File } from "@/lib/imports/hl7/read-hl7-file";
import { EpisodeDirectory } from "@/server/ingest/episode-directory";
import { ObservationWriter } from "@/server/ingest/observation-writer";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { getBedDetail } from "../beds/get-bed-detail";
import { readLabSamples } from "../handover/read-shift-observations";
import { findLatestValues } from "../observations/find-latest-values";
import { getParameter } from "@/lib/catalogue";
import { resolveLabRefusal } from "../labs/resolve-lab-refusal";
import { runImport } from "./run-import";

// Typed forms of vitest's asymmetric matchers (expect.objectContaining is typed `any`).
const objectContaining = <T extends object>(value: T): T => expect.objectContaining<object>(value) as T;
const stringMatching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
const closeTo = (value: number, digits: number): number => expect.closeTo(value, digits) as number;

/** Issue 16: results as laboratories send them, from the hand-written messages of test/fixtures/labs. */
const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/labs");
const NOW = new Date("2026-11-23T12:00:00Z");
let t: TestDb;
let writer: ObservationWriter;
let episodes: Map<string, string>;

const hl7 = (file: string) =>
  runImport({
    db: t.db,
    sink: writer,
    items: readHl7File({ input: createReadStream(path.join(FIXTURES, file)), file, timeZone: "Europe/Paris" }),
    kind: "hl7",
    fileName: file,
    actor: "test",
    now: () => NOW,
  });

const fhir = async (file: string) => {
  const read = readFhirJson({ json: JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")), file });
  if (read.kind === "invalid") throw new Error(read.reason);
  return runImport({
    db: t.db,
    sink: writer,
    items: read.items,
    kind: "fhir",
    fileName: file,
    actor: "test",
    now: () => NOW,
  });
};

const latest = (identifier: string, code: "anti_xa" | "platelets" | "lactate" | "hemoglobin") =>
  findLatestValues({
    db: t.db,
    stayId: `stay-${episodes.get(identifier) ?? ""}`,
    parameters: [getParameter(code)],
  }).then((values) => values[code]);
const bedOf = (identifier: string) => `import-unit-bed-${identifier === "MRN-LAB-1" ? 1 : 2}`;

beforeEach(async () => {
  t = await createTestDb();
  episodes = await seedImportPatients(t.db, [
    { identifier: "MRN-LAB-1", episodeStartedAt: new Date("2026-11-22T00:00:00Z") },
    { identifier: "MRN-LAB-2", episodeStartedAt: new Date("2026-11-22T00:00:00Z") },
  ]);
  writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
});
afterEach(async () => {
  await writer.drain();
  await t.cleanup();
});

describe("HL7 v2 corrections (OBX-11 C) replace the original everywhere, and keep it in the value's history", () => {
  it("shows 0.25 after 0.52 was corrected, the original kept as replaced", async () => {
    expect(await hl7("oru-antixa-final.hl7")).toMatchObject({ accepted: 1 });
    expect(await latest("MRN-LAB-1", "anti_xa")).toMatchObject({ value: 0.52 });
    expect(await hl7("oru-antixa-corrected.hl7")).toMatchObject({ accepted: 1, corrected: 1 });
    expect(await latest("MRN-LAB-1", "anti_xa")).toMatchObject({ value: 0.25, status: "corrected", reference: null });

    const rows = await t.db.observation.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.value, r.resultStatus, r.supersedesSeq])).toEqual([
      [0.52, "final", null],
      [0.25, "corrected", rows[0]?.seq],
    ]);
    const detail = await getBedDetail({ db: t.db, bedId: bedOf("MRN-LAB-1"), now: NOW });
    expect(detail.labs.anti_xa).toEqual([objectContaining({ value: 0.25, status: "corrected" })]);
    expect(detail.replacedLabs?.anti_xa).toEqual([
      objectContaining({
        value: 0.52,
        replacedBy: objectContaining({ value: 0.25, status: "corrected" }),
      }),
    ]);
    const handover = await readLabSamples(t.db, `stay-${episodes.get("MRN-LAB-1") ?? ""}`, ["anti_xa"], NOW.getTime());
    expect(handover.anti_xa?.map((s) => s.v)).toEqual([0.25]);
  });

  it("stores a correction re-sent once, and the original re-sent after its correction changes nothing", async () => {
    await hl7("oru-antixa-final.hl7");
    await hl7("oru-antixa-corrected.hl7");
    expect(await hl7("oru-antixa-corrected.hl7")).toMatchObject({ accepted: 0, duplicate: 1 });
    expect(await hl7("oru-antixa-final.hl7")).toMatchObject({ accepted: 0, duplicate: 1 });
    expect(await latest("MRN-LAB-1", "anti_xa")).toMatchObject({ value: 0.25 });
  });
});

describe("censored values and cancellations", () => {
  it("stores SN <^0.10 as 0.10 with its comparator, and an X cancellation takes it out of current views", async () => {
    await hl7("oru-antixa-final.hl7");
    expect(await hl7("oru-antixa-censored.hl7")).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await latest("MRN-LAB-1", "anti_xa")).toMatchObject({ value: 0.1, comparator: "<" });

    expect(await hl7("oru-antixa-cancelled.hl7")).toMatchObject({ accepted: 1, rejected: 0 });
    // The cancelled value has gone; the earlier result is current again.
    expect(await latest("MRN-LAB-1", "anti_xa")).toMatchObject({ value: 0.52 });
    const cancellation = await t.db.observation.findFirstOrThrow({ where: { resultStatus: "cancelled" } });
    expect(cancellation).toMatchObject({ value: 0.1, comparator: null });
    const detail = await getBedDetail({ db: t.db, bedId: bedOf("MRN-LAB-1"), now: NOW });
    expect(detail.labs.anti_xa?.map((s) => s.value)).toEqual([0.52]);
    expect(detail.replacedLabs?.anti_xa).toEqual([
      objectContaining({
        value: 0.1,
        comparator: "<",
        replacedBy: objectContaining({ status: "cancelled" }),
      }),
    ]);
  });

  it("keeps a preliminary result, marked preliminary", async () => {
    await hl7("oru-lactate-preliminary.hl7");
    expect(await latest("MRN-LAB-1", "lactate")).toMatchObject({ value: 3.4, status: "preliminary" });
  });
});

describe("units as laboratories write them", () => {
  it("reads every spelling through UCUM and refuses the unreadable one, quoting it", async () => {
    const summary = await hl7("oru-unit-spellings.hl7");
    expect(summary).toMatchObject({ accepted: 10, rejected: 1 });
    expect(summary.rejections).toEqual([
      objectContaining({ field: "OBX-6", value: "bogus-per-L", reason: stringMatching(/"bogus-per-L"/) }),
    ]);
    const values = await t.db.observation.findMany({
      orderBy: { observedAt: "asc" },
      select: { parameter: true, value: true, unit: true },
    });
    expect(values).toEqual([
      ...[201, 202, 203, 204, 205, 206, 207].map((value) => ({ parameter: "platelets", value, unit: "10*9/L" })),
      { parameter: "anti_xa", value: 0.41, unit: "[IU]/mL" },
      { parameter: "lactate", value: closeTo(1.998, 3), unit: "mmol/L" },
      { parameter: "hemoglobin", value: 9.5, unit: "g/dL" },
    ]);
  });

  it("shows the refused platelet count at the bed with a technical alarm until someone deals with it, audited", async () => {
    await hl7("oru-unit-spellings.hl7");
    await hl7("oru-unit-spellings.hl7");
    const detail = await getBedDetail({ db: t.db, bedId: bedOf("MRN-LAB-1"), now: NOW });
    expect(detail.labRefusals).toEqual([
      {
        id: stringMatching(/./),
        parameter: "platelets",
        at: Date.parse("2026-11-23T05:50:00Z"),
        kind: "unit",
        value: "bogus-per-L",
      },
    ]);
    const refusalId = detail.labRefusals?.[0]?.id ?? "";
    const alarm = await t.db.alarm.findFirstOrThrow({ where: { ruleId: "lab-result-unreadable" } });
    expect(alarm).toMatchObject({ priority: "technical", status: "active", origin: "labs" });

    const user = await t.db.user.create({
      data: {
        id: "u-nurse",
        username: "nurse.lab",
        displayName: "Nurse",
        role: "nurse",
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    const actor = { userId: user.id, username: user.username, role: user.role };
    await resolveLabRefusal({ db: t.db, bedId: bedOf("MRN-LAB-1"), refusalId, actor, context: null, now: NOW });
    expect((await getBedDetail({ db: t.db, bedId: bedOf("MRN-LAB-1"), now: NOW })).labRefusals).toEqual([]);
    expect(await t.db.labRefusal.findUniqueOrThrow({ where: { id: refusalId } })).toMatchObject({
      resolvedById: "u-nurse",
      resolvedAt: NOW,
    });
    expect(await t.db.alarm.findUniqueOrThrow({ where: { id: alarm.id } })).toMatchObject({ status: "resolved" });
    expect(await t.db.auditEvent.count({ where: { action: "lab-refusal.resolved", actorId: "u-nurse" } })).toBe(1);
  });
});

describe("FHIR R4 status and comparator", () => {
  it("applies a corrected Observation (same identifier), then its entered-in-error", async () => {
    expect(await fhir("fhir-antixa-corrected.json")).toMatchObject({ accepted: 2 });
    expect(await latest("MRN-LAB-2", "anti_xa")).toMatchObject({ value: 0.25, status: "corrected" });
    expect(await fhir("fhir-entered-in-error.json")).toMatchObject({ accepted: 1 });
    expect(await latest("MRN-LAB-2", "anti_xa")).toBeUndefined();
    expect(await t.db.observation.count()).toBe(3);
  });

  it("stores valueQuantity.comparator", async () => {
    expect(await fhir("fhir-censored.json")).toMatchObject({ accepted: 1 });
    expect(await latest("MRN-LAB-2", "anti_xa")).toMatchObject({ value: 0.7, comparator: ">" });
  });
});
