import { describe, expect, it } from "vitest";
import { estimateRecords } from "./estimate-records";

describe("estimateRecords", () => {
  it("counts the rows of a CSV read whole, header excluded", () => {
    const sample = "a,b\n1,2\n3,4\n";
    expect(estimateRecords({ kind: "csv", sample, sampleBytes: sample.length, fileBytes: sample.length })).toBe(2);
  });

  it("extrapolates from a sample's complete lines to the file's size", () => {
    const sample = `h\n${"1234\n".repeat(10)}12`;
    expect(estimateRecords({ kind: "csv", sample, sampleBytes: sample.length, fileBytes: 5_000 })).toBe(962); // 10 rows in 52 bytes
  });

  it("counts OBX segments for HL7 and gives up on FHIR", () => {
    const sample = "MSH|x\rPID|1\rOBX|1\rOBX|2\r";
    expect(estimateRecords({ kind: "hl7", sample, sampleBytes: sample.length, fileBytes: sample.length })).toBe(2);
    expect(estimateRecords({ kind: "fhir", sample: "{}", sampleBytes: 2, fileBytes: 2 })).toBeUndefined();
  });
});
