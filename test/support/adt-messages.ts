/**
 * Hand-written HL7 v2.5.1 ADT messages for synthetic patients, as an interface engine sends them (CR between
 * segments). `location` is PV1-3 (point of care^room^bed); times are HL7 DTM with their offset.
 */
export interface TAdtTestMessage {
  event: "A01" | "A02" | "A03" | "A08" | "A11" | "A12" | "A13" | "A40";
  controlId: string;
  mrn?: string;
  name?: string;
  birthDate?: string;
  sex?: string;
  location?: string;
  /** EVN-6, the event's time. */
  at?: string;
  /** PV1-36, discharge disposition (HL7 table 0112). */
  disposition?: string;
  weightKg?: string;
  /** MRG-1 for an A40. */
  priorMrn?: string;
  diagnosis?: string;
}

export function adtMessage(m: TAdtTestMessage): string {
  const structure =
    m.event === "A40" ? "ADT_A39" : m.event === "A08" || m.event === "A01" ? "ADT_A01" : `ADT_${m.event}`;
  const segments = [
    `MSH|^~\\&|HIS|CHU|ECMO-STATION|ICU|202612031000+0100||ADT^${m.event}^${structure}|${m.controlId}|P|2.5.1`,
    `EVN|${m.event}|202612031000+0100|||nurse^Synthetic|${m.at ?? ""}`,
    `PID|1||${m.mrn ?? "MRN-ADT-1"}^^^CHU^MR~9990001^^^NAT^NI||${m.name ?? "Testpatient^Alex"}||${m.birthDate ?? "19680412"}|${m.sex ?? "M"}`,
  ];
  if (m.priorMrn) segments.push(`MRG|${m.priorMrn}^^^CHU^MR`);
  segments.push(`PV1|1|I|${m.location ?? ""}|||||||||||||||||||||||||||||||||${m.disposition ?? ""}`);
  if (m.weightKg) segments.push(`OBX|1|NM|29463-7^Body weight^LN||${m.weightKg}|kg|||||F`);
  if (m.diagnosis) segments.push(`DG1|1||I50.9^${m.diagnosis}^I10|||A`);
  return segments.join("\r");
}
