import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { externalFile } from "@/test/support/external-data";
import type { TImportItem, TImportRecord } from "../import-record";
import { readFhirJson } from "./read-fhir-json";

const load = (name: string): unknown => JSON.parse(readFileSync(externalFile(`fhir/${name}`), "utf8"));
const records = (items: TImportItem[]): TImportRecord[] =>
  items.flatMap((i) => (i.type === "record" ? [i.record] : []));

const observation = (overrides: Record<string, unknown> = {}) => ({
  resourceType: "Observation",
  id: "lac-1",
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "2518-9" }] },
  subject: { identifier: { value: "MRN-1" } },
  effectiveDateTime: "2026-11-23T08:00:00+01:00",
  issued: "2026-11-23T09:30:00+01:00",
  valueQuantity: { value: 3.2, unit: "mmol/L", system: "http://unitsofmeasure.org", code: "mmol/L" },
  ...overrides,
});

describe("readFhirJson", () => {
  it("reads the Synthea collection Bundle: 5 CBC Observations of the patient's MRN, at effectiveDateTime", () => {
    const read = readFhirJson({ json: load("synthea_r4_cbc_subset_bundle.json"), file: "synthea.json" });
    expect(read).toMatchObject({ kind: "bundle", bundleType: "collection", entryCount: 6 });
    const obs = records(read.kind === "bundle" ? read.items : []);
    expect(obs).toHaveLength(5);
    expect(obs[0]).toMatchObject({
      patientIdentifiers: ["fc712d1f-5a2e-4407-9c55-a2a2bad623c2", "999-61-3984", "S99912573", "X82665992X"],
      codings: [{ system: "http://loinc.org", code: "777-3" }],
      unit: "10*3/uL",
      time: { ok: true, at: new Date("2016-03-07T05:28:45Z") },
      sourceRef: "fhir:urn%3Auuid%3A47aeb16b-1e7a-451f-915b-9300f2fea319",
      location: { file: "synthea.json", entry: 1 },
    });
  });

  it("reads the converter's NIST batch Bundle, resolving Patient/<id> references to PID-3's identifier", () => {
    const read = readFhirJson({ json: load("msconverter_nist_lri_cbc_expected_bundle.json"), file: "nist.json" });
    expect(read).toMatchObject({ kind: "bundle", bundleType: "batch", entryCount: 42 });
    const obs = records(read.kind === "bundle" ? read.items : []);
    expect(obs).toHaveLength(28);
    const hb = obs.find((r) => r.codings[0]?.code === "718-7");
    expect(hb).toMatchObject({ patientIdentifiers: ["PATID1234"], valueText: "12.5", unit: "g/mL" });
    // The converter wrote OBX-14 (…143428-0800) as +05:30: the same instant.
    expect(hb?.time).toEqual({ ok: true, at: new Date("2011-01-03T22:34:28Z") });
  });

  it("reads a bare Observation whose subject is given by identifier, taking effective[x] and never issued", () => {
    const read = readFhirJson({ json: observation(), file: "post" });
    const [record] = records(read.kind === "observation" ? read.items : []);
    expect(record).toMatchObject({
      patientIdentifiers: ["MRN-1"],
      valueText: "3.2",
      time: { ok: true, at: new Date("2026-11-23T07:00:00Z") },
      sourceRef: "fhir:Observation/lac-1",
    });
  });

  it.each([
    [{ status: "preliminary" }, { status: "preliminary" }],
    [{ status: "registered" }, { status: "pending" }],
    [
      { status: "amended", meta: { versionId: "2" } },
      { status: "corrected", sourceRef: "fhir:Observation/lac-1:v2:amended", resultKey: "fhir:Observation/lac-1" },
    ],
    [{ status: "entered-in-error" }, { status: "cancelled", sourceRef: "fhir:Observation/lac-1:entered-in-error" }],
    [{ identifier: [{ system: "urn:lab", value: "R-77" }] }, { resultKey: "fhir:identifier:urn%3Alab:R-77" }],
    [{ valueQuantity: { value: 0.5, comparator: "<", code: "mmol/L" } }, { valueText: "<0.5" }],
    [
      { valueQuantity: undefined, dataAbsentReason: { text: "specimen clotted" } },
      { valueText: "", valueNote: "specimen clotted" },
    ],
    [
      { valueQuantity: undefined, valueString: "high" },
      { valueType: "string", valueText: "high" },
    ],
    [{ effectiveDateTime: "2026-11-23" }, { time: { ok: false } }],
    [{ effectiveDateTime: "2026-11-23T08:00:00" }, { time: { ok: false } }],
  ])("reads %o as %o", (overrides, expected) => {
    const read = readFhirJson({ json: observation(overrides), file: "post" });
    expect(records(read.kind === "observation" ? read.items : [])[0]).toMatchObject(expected);
  });

  it("reports a malformed entry alone and reads the others", () => {
    const bundle = {
      resourceType: "Bundle",
      type: "batch",
      entry: [{ resource: observation() }, { resource: { resourceType: "Observation", status: 3 } }],
    };
    const read = readFhirJson({ json: bundle, file: "b.json" });
    const items = read.kind === "bundle" ? read.items : [];
    expect(items.map((i) => i.type)).toEqual(["record", "unreadable"]);
    expect(items[1]).toMatchObject({ entry: 1, rejection: { code: "UNREADABLE", location: "b.json entry[1]" } });
  });

  it.each([
    [{ resourceType: "Patient" }, /Patient: send an Observation or a Bundle/],
    [{ resourceType: "Bundle", type: "history", entry: [] }, /history is not read/],
    [[1, 2], /\(none\)/],
  ])("refuses a document it does not read (%#)", (json, reason) => {
    const read = readFhirJson({ json, file: "x.json" });
    expect(read.kind).toBe("invalid");
    if (read.kind === "invalid") expect(read.reason).toMatch(reason);
  });
});
