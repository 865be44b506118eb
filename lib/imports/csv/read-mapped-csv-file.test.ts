import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { TImportItem } from "../import-record";
import { parseCsvMapping, type TCsvMapping } from "./csv-mapping";
import { readMappedCsvFile } from "./read-mapped-csv-file";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(ROOT, "test/fixtures/physionet-2019/p000001.psv");
const read = parseCsvMapping(
  readFileSync(path.join(ROOT, "lib/imports/csv/mappings/physionet-2019-hourly.json"), "utf8"),
);
if (!read.ok) throw new Error(read.reason);
const physionet: TCsvMapping = read.mapping;
const ADMITTED = new Date("2026-03-02T06:00:00Z");

async function collect(items: AsyncGenerator<TImportItem[]>): Promise<TImportItem[]> {
  const all: TImportItem[] = [];
  for await (const chunk of items) all.push(...chunk);
  return all;
}

describe("readMappedCsvFile (PhysioNet 2019 hourly through its mapping)", () => {
  it("reads one reading per measured cell, skips NaN, dates each row from ICULOS and takes the patient from the file name", async () => {
    const items = await collect(
      readMappedCsvFile({
        input: createReadStream(FIXTURE),
        file: "p000001.psv",
        mapping: physionet,
        admittedAt: ADMITTED,
      }),
    );
    const records = items.flatMap((i) => (i.type === "record" ? [i.record] : []));
    expect(items).toHaveLength(records.length);
    // Hour 1: HR, MAP, lactate, Hb, fibrinogen, platelets; hour 2: HR, MAP; hour 3: + lactate; hour 4: + Hb, fibrinogen.
    expect(records).toHaveLength(15);
    expect(new Set(records.map((r) => r.patientIdentifiers[0]))).toEqual(new Set(["p000001"]));
    const lactate = records.filter((r) => r.parameterCode === "lactate");
    expect(lactate.map((r) => [r.valueText, r.unit, r.time.ok && r.time.at.toISOString(), r.location.line])).toEqual([
      ["18.9", "mg/dL", "2026-03-02T07:00:00.000Z", 2],
      ["40.5", "mg/dL", "2026-03-02T09:00:00.000Z", 4],
    ]);
    expect(lactate[0]?.fields).toMatchObject({ value: "Lactate", time: "ICULOS" });
    expect(new Set(records.map((r) => r.sourceRef)).size).toBe(15);
  });

  it("stops with the reason when the file does not fit: a column missing, no admission time, a file name that names no patient", async () => {
    const run = (text: string, file: string, admittedAt?: Date) =>
      collect(readMappedCsvFile({ input: Readable.from([text]), file, mapping: physionet, admittedAt }));
    await expect(run("HR|MAP|ICULOS\n80|70|1\n", "p1.psv", ADMITTED)).rejects.toThrow(
      /^p1\.psv line 1: the header has no "Lactate", "Hgb", "Fibrinogen", "Platelets", which the mapping "PhysioNet Challenge 2019 hourly" names/,
    );
    await expect(run(readFileSync(FIXTURE, "utf8"), "p000001.psv")).rejects.toThrow(/--admitted-at/);
    await expect(run(readFileSync(FIXTURE, "utf8"), "patient.psv", ADMITTED)).rejects.toThrow(
      /"patient\.psv" does not match the mapping's patient pattern/,
    );
  });

  it("takes a patient given with the import over the file name", async () => {
    const items = await collect(
      readMappedCsvFile({
        input: createReadStream(FIXTURE),
        file: "anything.psv",
        mapping: physionet,
        patient: "MRN-9",
        admittedAt: ADMITTED,
      }),
    );
    expect(items.every((i) => i.type === "record" && i.record.patientIdentifiers[0] === "MRN-9")).toBe(true);
  });
});
