import { Message } from "node-hl7-client";
import type { TStayDisposition } from "@/lib/stays/stay";
import { ADT_EVENTS, type TAdtEvent, type TAdtMessage, type TAdtTime } from "./adt-message";
import { readHl7Delimiters, readHl7Identifiers, unescapeHl7 } from "./hl7-fields";
import { Hl7MessageError } from "./hl7-message-error";
import { normaliseHl7 } from "./normalise-hl7";
import { parseHl7Number } from "./parse-hl7-number";
import { hl7TimeOffset, parseHl7Time } from "./parse-hl7-time";

type Hl7Node = ReturnType<Message["get"]>;

/** Events that address a bed in PV1-3 (an admission, a transfer): without one there is nothing to do. */
const NEEDS_LOCATION: ReadonlySet<TAdtEvent> = new Set(["A01", "A02"]);

/** HL7 table 0112 (discharge disposition) into the station's dispositions; any other code is a ward discharge. */
const DISPOSITION: Record<string, TStayDisposition> = {
  "01": "home",
  "02": "transfer",
  "05": "transfer",
  "20": "death",
  "40": "death",
  "41": "death",
  "42": "death",
};

/** OBX-3 LOINC codes of an ADT message's body weight and height, with the units accepted and their factor. */
const WEIGHT_CODES = new Set(["29463-7", "3141-9"]);
const HEIGHT_CODES = new Set(["8302-2", "3137-7"]);
const WEIGHT_UNITS: Record<string, number> = { kg: 1, g: 0.001 };
const HEIGHT_UNITS: Record<string, number> = { cm: 1, m: 100 };

/** The message type MSH-9 of a message read leniently (no parser): "ADT^A01", "ORU^R01", or "" when there is none. */
export function hl7MessageType(text: string): string {
  const header = normaliseHl7(text).split("\r", 1)[0] ?? "";
  if (!header.startsWith("MSH") || header.length < 8) return "";
  const [type = "", event = ""] = (header.split(header.charAt(3))[8] ?? "").split(header.charAt(4));
  return `${type}^${event}`;
}

/**
 * Reads one ADT message (A01 admit, A02 transfer, A03 discharge, A08 update, A11/A12/A13 cancels, A40 merge) into
 * what the station acts on. Throws Hl7MessageError, naming the field, when the message cannot be acted on as a whole
 * (not an event the station takes, no control id, no MRN, a time that cannot be read…): answered AR.
 */
export function readAdtMessage({ text, timeZone }: { text: string; timeZone: string }): TAdtMessage {
  const normalised = normaliseHl7(text);
  let message: Message;
  try {
    message = new Message({ text: normalised });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Hl7MessageError(`not an HL7 v2 message: ${reason}`, "MSH", normalised.slice(0, 40), "100");
  }
  const d = readHl7Delimiters(normalised);
  const segments = message.toArray();
  const first = (name: string) => segments.find((s) => s.name === name);
  const msh = segments[0];
  if (!msh || msh.name !== "MSH")
    throw new Hl7MessageError("the message does not begin with MSH", "MSH", normalised.slice(0, 40), "100");
  const evn = first("EVN");
  const event = str(msh, "9.2") || (evn ? str(evn, "1") : "");
  if (str(msh, "9.1") !== "ADT" || !isAdtEvent(event))
    throw new Hl7MessageError(
      `message type ${str(msh, "9.1")}^${event} is not supported: ADT events ${ADT_EVENTS.join(", ")} are`,
      "MSH-9",
      `${str(msh, "9.1")}^${event}`,
      "200",
    );
  const controlId = str(msh, "10");
  if (!controlId) throw new Hl7MessageError("MSH-10 (message control id) is empty", "MSH-10", "", "101");
  const application = str(msh, "3.1");
  const facility = str(msh, "4.1");
  const sender = (facility ? `${application}@${facility}` : application) || "unknown sender";
  const fallbackOffsetMinutes = hl7TimeOffset(str(msh, "7"));

  const pid = first("PID");
  const mrn = pid ? (readHl7Identifiers(raw(pid, "3"), d)[0] ?? "") : "";
  if (!mrn) throw new Hl7MessageError("PID-3 (the patient's MRN) is empty", "PID-3", "", "101");
  const text1 = (node: Hl7Node | undefined, path: string) => (node ? unescapeHl7(str(node, path), d) : "");

  const pv1 = first("PV1");
  const location =
    pv1 && str(pv1, "3.1") ? { pointOfCare: text1(pv1, "3.1"), room: text1(pv1, "3.2"), bed: text1(pv1, "3.3") } : null;
  if (NEEDS_LOCATION.has(event) && (!location || !location.bed))
    throw new Hl7MessageError(
      "PV1-3 (assigned location: point of care^room^bed) names no bed",
      "PV1-3",
      pv1 ? raw(pv1, "3") : "",
      "101",
    );

  const time = (field: TAdtTime["field"], node: Hl7Node | undefined, path: string): TAdtTime | null => {
    const value = node ? str(node, path) : "";
    if (!value) return null;
    const parsed = parseHl7Time(value, { timeZone, fallbackOffsetMinutes });
    if (!parsed.ok) throw new Hl7MessageError(`${field}: ${parsed.reason}`, field, value, "102");
    return { at: parsed.at, field };
  };
  const eventTime =
    time("EVN-6", evn, "6") ??
    (event === "A01" ? time("PV1-44", pv1, "44") : null) ??
    (event === "A03" ? time("PV1-45", pv1, "45") : null) ??
    time("EVN-2", evn, "2");

  const birth = pid ? str(pid, "7") : "";
  const birthDate = birth ? readBirthDate(birth) : null;
  const sexText = pid ? str(pid, "8") : "";
  const sex =
    sexText === "F" || sexText === "M" || sexText === "O" || sexText === "U" ? sexText : sexText === "A" ? "O" : null;

  let weightKg: number | null = null;
  let heightCm: number | null = null;
  segments.forEach((segment) => {
    if (segment.name !== "OBX") return;
    const code = str(segment, "3.1");
    const isWeight = WEIGHT_CODES.has(code);
    if (!isWeight && !HEIGHT_CODES.has(code)) return;
    const where = `OBX[${str(segment, "1") || "?"}]`;
    const unit = str(segment, "6.1") || str(segment, "6.2");
    const factor = (isWeight ? WEIGHT_UNITS : HEIGHT_UNITS)[unit];
    if (factor === undefined)
      throw new Hl7MessageError(
        `${where} OBX-6: unit "${unit}" is not accepted for ${isWeight ? "weight (kg)" : "height (cm)"}`,
        "OBX-6",
        unit,
        "102",
      );
    const parsed = parseHl7Number(str(segment, "5"));
    if (!parsed.ok) throw new Hl7MessageError(`${where} OBX-5: ${parsed.reason}`, "OBX-5", str(segment, "5"), "102");
    if (isWeight) weightKg = Math.round(parsed.value * factor * 10) / 10;
    else heightCm = Math.round(parsed.value * factor * 10) / 10;
  });

  const dg1 = first("DG1");
  const diagnosis = text1(dg1, "3.2") || text1(dg1, "4") || text1(dg1, "3.1") || null;
  const mrg = first("MRG");
  const priorMrn = mrg ? (readHl7Identifiers(raw(mrg, "1"), d)[0] ?? null) : null;
  if (event === "A40" && !priorMrn) throw new Hl7MessageError("MRG-1 (the MRN to merge) is empty", "MRG-1", "", "101");

  const dispositionCode = pv1 ? str(pv1, "36") : "";
  return {
    event,
    controlId,
    sender,
    mrn,
    patient: {
      givenName: text1(pid, "5.2"),
      familyName: text1(pid, "5.1"),
      birthDate,
      sex,
    },
    location,
    time: eventTime,
    disposition: dispositionCode ? (DISPOSITION[dispositionCode] ?? "ward") : null,
    weightKg,
    heightCm,
    diagnosis,
    priorMrn,
  };
}

function isAdtEvent(event: string): event is TAdtEvent {
  return (ADT_EVENTS as readonly string[]).includes(event);
}

/** PID-7 (DTM, a date at least): YYYY-MM-DD, refusing a date that does not exist. */
function readBirthDate(text: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(text);
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : "";
  const probe = new Date(`${date}T00:00:00Z`);
  if (!match || Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== date)
    throw new Hl7MessageError(`PID-7: "${text}" is not a date of birth (YYYYMMDD)`, "PID-7", text, "102");
  return date;
}

function str(segment: Hl7Node, path: string): string {
  return segment.get(path).toString().trim();
}

function raw(segment: Hl7Node, path: string): string {
  return segment.get(path).toRaw();
}
