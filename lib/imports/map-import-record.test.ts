import { describe, expect, it } from "vitest";
import { createCodeIndex } from "./codes/create-code-index";
import type { TImportRecord } from "./import-record";
import { mapImportRecord } from "./map-import-record";

const record = (overrides: Partial<TImportRecord> = {}): TImportRecord => ({
  location: { file: "m.hl7", line: 5, segment: "OBX[1]" },
  fields: { patient: "PID-3", code: "OBX-3", value: "OBX-5", unit: "OBX-6", time: "OBX-14", status: "OBX-11" },
  sender: "LAB",
  patientIdentifiers: ["MRN-1"],
  codings: [{ system: "LN", code: "2518-9" }],
  valueType: "NM",
  valueText: "3.2",
  unit: "mmol/L",
  time: { ok: true, at: new Date("2026-11-23T07:00:00Z") },
  timeText: "202611230800+0100",
  status: "final",
  statusText: "F",
  sourceRef: "hl7:LAB:1",
  ...overrides,
});
const codes = createCodeIndex();
const map = (overrides: Partial<TImportRecord> = {}, index = codes) =>
  mapImportRecord({ record: record(overrides), codes: index });

describe("mapImportRecord", () => {
  it("maps a final LOINC-coded result to its catalogue parameter, leaving the unit to the write path", () => {
    expect(map()).toMatchObject({ outcome: "mapped", parameter: "lactate", value: 3.2, corrected: false });
  });

  it("marks a laboratory analyte's result as a lab result, and leaves a plain final device value unmarked", () => {
    expect(map()).toMatchObject({ lab: { status: "final", valueSent: true } });
    const device = map({ parameterCode: "ecmo_flow", codings: [], unit: "L/min", valueType: "", valueText: "4.1" });
    expect(device).toMatchObject({ outcome: "mapped", parameter: "ecmo_flow" });
    expect(device.outcome === "mapped" && device.lab).toBeUndefined();
    // What only a result carries keeps the lab path, whatever the parameter.
    expect(
      map({ parameterCode: "ecmo_flow", codings: [], unit: "L/min", valueType: "", status: "corrected" }),
    ).toMatchObject({ lab: { status: "corrected" } });
  });

  it("maps by any of the codings sent (HL7 alternate identifier, FHIR's several codings)", () => {
    expect(
      map({
        codings: [
          { system: "99LOC", code: "LAC" },
          { system: "http://loinc.org", code: "777-3" },
        ],
      }),
    ).toMatchObject({ parameter: "platelets" });
  });

  it("ignores an analyte the station does not monitor, counting it by its code, rather than calling it an error", () => {
    expect(map({ codings: [{ system: "LN", code: "26453-1" }], valueText: "4.41" })).toEqual({
      outcome: "ignored",
      code: "LN 26453-1",
    });
  });

  it("uses a site's local code, even one restricted to a sender whose LOINC is wrong", () => {
    const site = createCodeIndex({
      localCodes: [{ system: "LN", code: "11125-2", parameter: "platelets", sender: "SomeSystem" }],
    });
    const sent = { codings: [{ system: "LN", code: "11125-2" }], valueText: "221", unit: "giga.l-1" };
    expect(map({ ...sent, sender: "SomeSystem" }, site)).toMatchObject({ outcome: "mapped", parameter: "platelets" });
    expect(map({ ...sent, sender: "Other" }, site)).toMatchObject({ outcome: "ignored" });
  });

  it("accepts a corrected result and says so", () => {
    expect(map({ status: "corrected", statusText: "C" })).toMatchObject({ outcome: "mapped", corrected: true });
  });

  it.each([
    [{ status: "pending", statusText: "I", valueText: "" } as const, "PENDING_RESULT", "OBX-11", /pending result/],
    [{ valueText: "" }, "PENDING_RESULT", "OBX-5", /pending result \/ no value/],
    [{ valueText: "  ", valueNote: "UNABLE TO REPORT." }, "PENDING_RESULT", "OBX-5", /UNABLE TO REPORT/],
    [{ status: "cancelled", statusText: "X" } as const, "STATUS_NOT_ACCEPTED", "OBX-11", /does not say which/],
    [{ status: "unknown", statusText: "" } as const, "STATUS_NOT_ACCEPTED", "OBX-11", /no result status/],
    [{ valueText: "ERROR" }, "NOT_NUMERIC", "OBX-5", /"ERROR" is not a number/],
    [{ valueText: "3,2" }, "NOT_NUMERIC", "OBX-5", /decimal comma/],
    [{ valueType: "CWE", valueText: "260348001" }, "NOT_NUMERIC", "OBX-5", /CWE is not numeric/],
    [{ valueText: "1e1" }, "NOT_NUMERIC", "OBX-5", /"1e1" uses an exponent, which HL7 NM does not allow/],
    [{ valueText: "0x10" }, "NOT_NUMERIC", "OBX-5", /"0x10" is not a number/],
    [{ valueText: "Infinity" }, "NOT_NUMERIC", "OBX-5", /"Infinity" is not a number/],
    [{ valueText: " - 5 " }, "NOT_NUMERIC", "OBX-5", /space inside the number/],
    [{ valueType: "SN", valueText: "=^1e1" }, "NOT_NUMERIC", "OBX-5", /exponent/],
    [{ valueType: "SN", valueText: "1^-^5" }, "NOT_NUMERIC", "OBX-5", /range or a ratio/],
    [{ valueType: "SN", valueText: "<>^5" }, "NOT_NUMERIC", "OBX-5", /comparator "<>"/],
    [{ time: { ok: false, reason: "no time" } as const }, "INVALID_TIME", "OBX-14", /no time/],
    [{ patientIdentifiers: [] }, "MISSING_PATIENT", "PID-3", /no patient identifier/],
    [{ parameterCode: "inr" }, "UNKNOWN_PARAMETER", "OBX-3", /unknown parameter code "inr"/],
  ])("rejects %o as %s naming %s", (overrides, code, field, reason) => {
    const mapped = map(overrides);
    expect(mapped).toMatchObject({ outcome: "rejected", rejection: { code, field, location: "m.hl7 line 5 OBX[1]" } });
    if (mapped.outcome === "rejected") expect(mapped.rejection.reason).toMatch(reason);
  });

  it("reads a FHIR decimal written with an exponent, as JSON may write one (HL7 NM may not)", () => {
    expect(map({ valueType: "Quantity", valueText: "1.2e1" })).toMatchObject({ outcome: "mapped", value: 12 });
  });

  it.each([
    [{ valueType: "SN", valueText: "<^0.10" }, 0.1, "<"],
    [{ valueType: "SN", valueText: ">=^7" }, 7, ">="],
    [{ valueType: "Quantity", valueText: ">1500" }, 1500, ">"],
    [{ valueType: "NM", valueText: "<0.10" }, 0.1, "<"],
    [{ valueType: "ST", valueText: "< 0.10" }, 0.1, "<"],
  ])("reads the censored value %o as %d with comparator %s", (overrides, value, comparator) => {
    expect(map(overrides)).toMatchObject({ outcome: "mapped", value, lab: { status: "final", comparator } });
  });

  it("keeps a preliminary result, marked as such (issue 16: shown as preliminary)", () => {
    expect(map({ status: "preliminary", statusText: "P" })).toMatchObject({
      outcome: "mapped",
      lab: { status: "preliminary" },
    });
  });

  it("maps a cancellation without a value when it names the result it cancels", () => {
    expect(
      map({ status: "cancelled", statusText: "X", valueText: "", resultKey: "hl7:LAB:ORD1:3274-8:" }),
    ).toMatchObject({
      outcome: "mapped",
      lab: { status: "cancelled", resultKey: "hl7:LAB:ORD1:3274-8:", valueSent: false },
    });
  });

  it("reads SN with an equals sign or no comparator as a plain number", () => {
    expect(map({ valueType: "SN", valueText: "=^3.2" })).toMatchObject({ outcome: "mapped", value: 3.2 });
    expect(map({ valueType: "SN", valueText: "^3.2" })).toMatchObject({ outcome: "mapped", value: 3.2 });
  });
});
