import { describe, expect, it } from "vitest";
import { adtMessage } from "@/test/support/adt-messages";
import { Hl7MessageError } from "./hl7-message-error";
import { hl7MessageType, readAdtMessage } from "./read-adt-message";

const read = (text: string) => readAdtMessage({ text, timeZone: "Europe/Paris" });
const refusal = (text: string) => {
  try {
    read(text);
  } catch (error) {
    if (error instanceof Hl7MessageError) return { field: error.field, code: error.errorCode, message: error.message };
    throw error;
  }
  throw new Error("not refused");
};

describe("readAdtMessage", () => {
  it("reads an admission: MRN first among PID-3's identifiers, name, birth date, sex, PV1-3, weight, diagnosis", () => {
    const m = read(
      adtMessage({
        event: "A01",
        controlId: "C1",
        location: "demo-icu^^08",
        at: "202612030930+0100",
        weightKg: "82.5",
        diagnosis: "Cardiogenic shock",
      }),
    );
    expect(m).toMatchObject({
      event: "A01",
      controlId: "C1",
      sender: "HIS@CHU",
      mrn: "MRN-ADT-1",
      patient: { givenName: "Alex", familyName: "Testpatient", birthDate: "1968-04-12", sex: "M" },
      location: { pointOfCare: "demo-icu", room: "", bed: "08" },
      weightKg: 82.5,
      diagnosis: "Cardiogenic shock",
      disposition: null,
    });
    expect(m.time).toEqual({ at: new Date("2026-12-03T08:30:00Z"), field: "EVN-6" });
  });

  it("takes EVN-2 when the event's own time is not sent, and reads PV1-36 through table 0112", () => {
    const m = read(adtMessage({ event: "A03", controlId: "C2", disposition: "20" }));
    expect(m.time).toEqual({ at: new Date("2026-12-03T09:00:00Z"), field: "EVN-2" });
    expect(m.disposition).toBe("death");
    expect(read(adtMessage({ event: "A03", controlId: "C3", disposition: "02" })).disposition).toBe("transfer");
    expect(read(adtMessage({ event: "A03", controlId: "C4", disposition: "09" })).disposition).toBe("ward");
  });

  it("reads the merged MRN of an A40 from MRG-1", () => {
    expect(read(adtMessage({ event: "A40", controlId: "C5", priorMrn: "MRN-OLD" })).priorMrn).toBe("MRN-OLD");
  });

  it("refuses, naming the field, what cannot be acted on", () => {
    expect(refusal(adtMessage({ event: "A01", controlId: "C6" }))).toMatchObject({ field: "PV1-3", code: "101" });
    expect(refusal(adtMessage({ event: "A02", controlId: "C7", location: "demo-icu" }))).toMatchObject({
      field: "PV1-3",
    });
    expect(refusal(adtMessage({ event: "A40", controlId: "C8" }))).toMatchObject({ field: "MRG-1", code: "101" });
    expect(refusal(adtMessage({ event: "A01", controlId: "C9", location: "u^^1", at: "20261203" }))).toMatchObject({
      field: "EVN-6",
      code: "102",
    });
    expect(refusal(adtMessage({ event: "A08", controlId: "C10", birthDate: "19680231" }))).toMatchObject({
      field: "PID-7",
    });
    expect(refusal(adtMessage({ event: "A08", controlId: "C11", weightKg: "8O" }))).toMatchObject({ field: "OBX-5" });
    expect(refusal(adtMessage({ event: "A08", controlId: "" }))).toMatchObject({ field: "MSH-10" });
    const noMrn = adtMessage({ event: "A08", controlId: "C12" }).replace("MRN-ADT-1^^^CHU^MR~9990001^^^NAT^NI", "");
    expect(refusal(noMrn)).toMatchObject({ field: "PID-3" });
    const a04 = adtMessage({ event: "A08", controlId: "C13" }).replace("ADT^A08", "ADT^A04");
    expect(refusal(a04)).toMatchObject({ field: "MSH-9", code: "200" });
  });

  it("tells an ADT message from a result by MSH-9 without parsing it", () => {
    expect(hl7MessageType(adtMessage({ event: "A02", controlId: "C14" }))).toBe("ADT^A02");
    expect(hl7MessageType("MSH|^~\\&|LAB||||202611230905||ORU^R01^ORU_R01|1|P|2.5.1")).toBe("ORU^R01");
    expect(hl7MessageType("not hl7")).toBe("");
  });
});
