import { describe, expect, it } from "vitest";
import { detectImportKind } from "./detect-import-kind";

describe("detectImportKind", () => {
  it.each([
    ["\uFEFFMSH|^~\\&|NIST", "x.txt", "hl7"],
    ['  {"resourceType":"Bundle"', "x.txt", "fhir"],
    [
      "subject_id,hadm_id,labevent_id,specimen_id,itemid,label,fluid,category,loinc_code,charttime,storetime,value,valuenum,valueuom,comments\n",
      "x.csv",
      "mimic",
    ],
    ["patient_id,parameter,value,unit,observed_at\n", "x.txt", "csv"],
    ["", "results.hl7", "hl7"],
    ["", "bundle.json", "fhir"],
  ] as const)("reads %j (%s) as %s", (head, fileName, kind) => {
    expect(detectImportKind({ fileName, head })).toBe(kind);
  });

  it("says so when it cannot tell", () => {
    expect(detectImportKind({ fileName: "blob.bin", head: "just text" })).toBeUndefined();
  });
});
