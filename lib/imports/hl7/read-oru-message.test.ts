import { readFileSync } from "node:fs";
import path from "node:path";
import { externalFile } from "@/test/support/external-data";
import { describe, expect, it } from "vitest";
import type { TImportItem, TImportRecord } from "../import-record";
import { Hl7MessageError } from "./hl7-message-error";
import { readOruMessage } from "./read-oru-message";

const EXTERNAL = externalFile("hl7v2");
const nist = readFileSync(path.join(EXTERNAL, "nist_lri_cbc_oru_r01.hl7"), "utf8");
const labOru = readFileSync(path.join(EXTERNAL, "msconverter_lab_oru_1.hl7"), "utf8");
const records = (items: TImportItem[]): TImportRecord[] =>
  items.flatMap((i) => (i.type === "record" ? [i.record] : []));
const read = (text: string) => readOruMessage({ text, file: "m.hl7", timeZone: "Europe/Paris" });

describe("readOruMessage", () => {
  it("reads the NIST message despite its byte-order mark and LF line ends: 28 OBX of patient PATID1234", () => {
    expect(nist.charCodeAt(0)).toBe(0xfeff);
    const message = read(nist);
    const obx = records(message.items);
    expect(message.controlId).toBe("NIST-LRI-NG-002.00");
    expect(obx).toHaveLength(28);
    expect(new Set(obx.map((r) => r.patientIdentifiers[0]))).toEqual(new Set(["PATID1234"]));
    const hb = obx[1];
    expect(hb).toMatchObject({
      codings: [{ system: "LN", code: "718-7" }],
      valueText: "12.5",
      unit: "g/mL",
      status: "final",
      statusText: "F",
      valueType: "NM",
    });
    expect(hb?.time).toEqual({ ok: true, at: new Date("2011-01-03T22:34:28Z") });
    expect(hb?.fields.time).toBe("OBX-14");
  });

  it("keeps the OBX of two orders apart: LAB-ORU-1 restarts set ids under its second OBR, the references do not collide", () => {
    const obx = records(read(labOru).items);
    expect(obx).toHaveLength(10);
    expect(new Set(obx.map((r) => r.sourceRef)).size).toBe(10);
    expect(obx.map((r) => r.statusText)).toEqual(["I", "P", "I", "P", "F", "P", "P", "P", "P", "P"]);
    expect(obx[0]).toMatchObject({ valueText: "", status: "pending" });
    expect(obx[4]).toMatchObject({
      codings: [{ code: "11125-2" }],
      valueText: "221",
      unit: "giga.l-1",
      status: "final",
    });
  });

  it("takes the order's OBR-7 when OBX-14 is empty, and says which field gave the time", () => {
    const text =
      "MSH|^~\\&|LAB||ICU||202611230900+0100||ORU^R01|C1|P|2.5\rPID|1||MRN-1^^^H^MR\rOBR|1||||||202611230815+0100\rOBX|1|NM|2518-9^Lactate^LN||3.2|mmol/L|||||F\r";
    const [record] = records(read(text).items);
    expect(record?.time).toEqual({ ok: true, at: new Date("2026-11-23T07:15:00Z") });
    expect(record?.fields.time).toBe("OBR-7");
  });

  it("never uses the message's arrival time: an OBX without OBX-14 or OBR-7 has no time", () => {
    const text =
      "MSH|^~\\&|LAB||ICU||202611230900+0100||ORU^R01|C1|P|2.5\rPID|1||MRN-1\rOBR|1\rOBX|1|NM|2518-9^Lactate^LN||3.2|mmol/L|||||F\r";
    const [record] = records(read(text).items);
    expect(record?.time.ok).toBe(false);
  });

  it("prefers the medical record number among PID-3's repetitions and unescapes values", () => {
    const text =
      "MSH|^~\\&|LAB||ICU||202611230900+0100||ORU^R01|C1|P|2.5\rPID|1||X-9^^^Other^PI~MRN\\T\\7^^^H^MR\rOBR|1\rOBX|1|ST|2518-9^Lactate^LN||a\\F\\b|mmol/L|||||F|||202611230800+0100\r";
    const [record] = records(read(text).items);
    expect(record?.patientIdentifiers).toEqual(["MRN&7", "X-9"]);
    expect(record?.valueText).toBe("a|b");
  });

  it("gives a corrected result its own reference, so it is stored beside the value it corrects", () => {
    const base =
      "MSH|^~\\&|LAB||ICU||202611230900+0100||ORU^R01|C1|P|2.5\rPID|1||MRN-1\rOBR|1\rOBX|1|NM|2518-9^Lactate^LN||3.2|mmol/L|||||STATUS|||202611230800+0100\r";
    const [final] = records(read(base.replace("STATUS", "F")).items);
    const [corrected] = records(read(base.replace("STATUS", "C")).items);
    expect(corrected?.status).toBe("corrected");
    expect(corrected?.sourceRef).toBe(`${final?.sourceRef}:C`);
  });

  it.each([
    ["garbage", "100", /not an HL7 v2 message/],
    ["MSH|^~\\&|LAB||ICU||202611230900||ADT^A01|C1|P|2.5\rPID|1||MRN-1\r", "200", /ADT\^A01 is not supported/],
    ["MSH|^~\\&|LAB||ICU||202611230900||ORU^R01||P|2.5\rPID|1||MRN-1\r", "101", /MSH-10/],
  ])("refuses a message that cannot be imported as a whole (%#) with HL7 error %s", (text, code, reason) => {
    try {
      read(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Hl7MessageError);
      expect((error as Hl7MessageError).errorCode).toBe(code);
      expect((error as Error).message).toMatch(reason);
    }
  });
});
