import { Message } from "node-hl7-client";
import type { TCoding, TImportItem, TImportLocation, TImportRecord, TParsedTime } from "../import-record";
import { sourceRef } from "../source-ref";
import { Hl7MessageError } from "./hl7-message-error";
import { readHl7Delimiters, readHl7Identifiers, unescapeHl7, type THl7Delimiters } from "./hl7-fields";
import { hl7ResultStatus } from "./hl7-result-status";
import { normaliseHl7 } from "./normalise-hl7";
import { hl7TimeOffset, parseHl7Time } from "./parse-hl7-time";

type Hl7Node = ReturnType<Message["get"]>;

export interface TReadOruMessageOptions {
  /** One message; BOM and LF line ends are normalised here. */
  text: string;
  /** Names the source in locations: a file name, or "mllp 10.0.0.5" for a message received over MLLP. */
  file: string;
  /** The file line of each segment, when the message was read from a file; else locations give the segment index. */
  segmentLines?: readonly number[];
  /** Zone of times sent without an offset and without one in MSH-7. */
  timeZone: string;
}

export interface TOruMessage {
  readonly controlId: string;
  readonly sender: string;
  readonly items: TImportItem[];
}

/** A message whose header was checked, its records read one segment at a time as they are iterated. */
export interface TOruMessageStream {
  readonly controlId: string;
  readonly sender: string;
  readonly items: Iterable<TImportItem>;
}

/**
 * Reads one ORU^R01 message into import records, one per OBX, each with the patient of the PID and the order (OBR)
 * above it. The observation time is OBX-14, else the order's OBR-7 (collection time): never the time the message
 * arrived. Throws Hl7MessageError when the message as a whole cannot be imported. For a message small enough to hold
 * (an MLLP frame, a test); a file's messages go through openOruMessage.
 */
export function readOruMessage(options: TReadOruMessageOptions): TOruMessage {
  const { controlId, sender, items } = openOruMessage(options);
  return { controlId, sender, items: [...items] };
}

/**
 * Checks a message's header now (throwing Hl7MessageError as readOruMessage does) and reads its records lazily, one
 * segment at a time. Why: node-hl7-client builds a tree of objects for every field of every segment it parses, and a
 * 20,000-OBX message parsed whole held some 350 MB at once (and the process kept the memory); parsed a segment at a
 * time (MSH with that one segment), at most one segment's tree is alive. A segment that cannot be parsed throws
 * Hl7MessageError when it is reached: the records before it have been handed out.
 */
export function openOruMessage({ text, file, segmentLines, timeZone }: TReadOruMessageOptions): TOruMessageStream {
  const texts = normaliseHl7(text).split("\r");
  const mshText = texts[0] ?? "";
  let header: Message;
  try {
    header = new Message({ text: mshText });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Hl7MessageError(`not an HL7 v2 message: ${reason}`, "MSH", mshText.slice(0, 40), "100");
  }
  const msh = header.toArray()[0];
  if (!msh || msh.name !== "MSH")
    throw new Hl7MessageError("the message does not begin with MSH", "MSH", mshText.slice(0, 40), "100");
  const delimiters = readHl7Delimiters(mshText);

  const type = `${str(msh, "9.1")}^${str(msh, "9.2")}`;
  if (type !== "ORU^R01")
    throw new Hl7MessageError(`message type ${type} is not supported: only ORU^R01 is imported`, "MSH-9", type, "200");
  const controlId = str(msh, "10");
  if (!controlId)
    throw new Hl7MessageError(
      "MSH-10 (message control id) is empty: results could not be told apart on a re-send",
      "MSH-10",
      "",
      "101",
    );
  const application = str(msh, "3.1");
  const facility = str(msh, "4.1");
  const sender = facility ? `${application}@${facility}` : application;
  const messageTime = str(msh, "7");
  const fallbackOffsetMinutes = hl7TimeOffset(messageTime);

  /** One segment parsed as the only segment after the message's MSH, so that it is read with the same delimiters. */
  const parseSegment = (segmentText: string, index: number): Hl7Node => {
    try {
      const segment = new Message({ text: `${mshText}\r${segmentText}` }).toArray()[1];
      if (segment) return segment;
    } catch {
      // described below
    }
    throw new Hl7MessageError(
      `segment ${index + 1} cannot be read as an HL7 v2 segment`,
      segmentText.slice(0, 3),
      segmentText.slice(0, 40),
      "100",
    );
  };

  function* items(): Generator<TImportItem> {
    let patientIdentifiers: string[] = [];
    let obrOrdinal = 0;
    let obrTime = "";
    let orderNumber = "";
    let obxOrdinal = 0;
    for (let index = 1; index < texts.length; index++) {
      const segmentText = texts[index] ?? "";
      const name = segmentText.slice(0, 3);
      // Only these three are read: other segments (NTE, ORC, SPM…) are not even parsed.
      if (name !== "PID" && name !== "OBR" && name !== "OBX") continue;
      const segment = parseSegment(segmentText, index);
      const location: TImportLocation =
        segmentLines?.[index] !== undefined
          ? { file, line: segmentLines[index] }
          : { file, segment: `segment ${index + 1}` };
      switch (segment.name) {
        case "PID":
          patientIdentifiers = readHl7Identifiers(raw(segment, "3"), delimiters);
          obrOrdinal = 0;
          break;
        case "OBR":
          obrOrdinal += 1;
          obxOrdinal = 0;
          obrTime = str(segment, "7");
          // The filler's number names the result at the lab; the placer's when the lab sent none.
          orderNumber = str(segment, "3.1") || str(segment, "2.1");
          break;
        case "OBX": {
          obxOrdinal += 1;
          const setId = str(segment, "1") || String(obxOrdinal);
          const statusText = str(segment, "11");
          const status = hl7ResultStatus(statusText);
          const obxTime = str(segment, "14");
          const timeText = obxTime || obrTime;
          const time: TParsedTime = timeText
            ? parseHl7Time(timeText, { timeZone, fallbackOffsetMinutes })
            : { ok: false, reason: "no observation time: OBX-14 and OBR-7 are both empty" };
          const unit = readUnit(raw(segment, "6"), delimiters);
          const code = str(segment, "3.1");
          const subId = str(segment, "4");
          const record: TImportRecord = {
            location: { ...location, segment: `OBX[${setId}]` },
            fields: {
              patient: "PID-3",
              code: "OBX-3",
              value: "OBX-5",
              unit: "OBX-6",
              time: obxTime ? "OBX-14" : "OBR-7",
              status: "OBX-11",
            },
            sender,
            patientIdentifiers,
            codings: readCodings(segment),
            valueType: str(segment, "2"),
            valueText: unescapeHl7(raw(segment, "5"), delimiters),
            unit,
            time,
            timeText,
            status,
            statusText,
            // MSH-7 with MSH-10: a sender that restarts its counters does not make a new result look like an old
            // one. A status other than final is part of the reference, so that a message re-sent with the same
            // control id but a correction is still stored.
            sourceRef: sourceRef("hl7", [
              sender,
              messageTime,
              controlId,
              String(obrOrdinal),
              setId,
              ...(status === "final" ? [] : [statusText]),
            ]),
            // The same result in a later message (a correction, a cancellation, the final after a preliminary): same
            // sender, order and test, same sub-id. Without an order number there is no identity to follow.
            ...(orderNumber && code ? { resultKey: sourceRef("hl7", [sender, orderNumber, code, subId]) } : {}),
          };
          yield { type: "record", record };
          break;
        }
        default:
          break;
      }
    }
  }
  return { controlId, sender, items: items() };
}

function str(segment: Hl7Node, path: string): string {
  return segment.get(path).toString().trim();
}

function raw(segment: Hl7Node, path: string): string {
  return segment.get(path).toRaw();
}

/** OBX-3's identifier triplets: the primary (components 1–3) and the alternate (4–6), which may carry the LOINC. */
function readCodings(segment: Hl7Node): TCoding[] {
  const codings: TCoding[] = [];
  for (const [code, display, system] of [
    ["3.1", "3.2", "3.3"],
    ["3.4", "3.5", "3.6"],
  ] as const) {
    const value = str(segment, code);
    if (value) codings.push({ code: value, display: str(segment, display), system: str(segment, system) });
  }
  return codings;
}

/** PID-3's repetitions (CX: id^check^scheme^authority^type), medical record numbers first. */
/**
 * OBX-6 as the lab wrote it. A unit is CE/CWE (identifier^text^system): the identifier, else the text. But labs write
 * "10^9/L" unescaped, which splits into "10" and "9/L": a first component "10" followed by a power and a slash is one
 * unit and is read whole. Escaped forms (10\S\9/L) come back as written by unescape.
 */
function readUnit(field: string, d: THl7Delimiters): string {
  const c = d.component.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  const split = new RegExp(`^\\s*10${c}([+-]?\\d+\\s*/[^${c}]*)`).exec(field);
  if (split) return `10^${split[1]}`.trim();
  const [identifier = "", text = ""] = field.split(d.component).map((part) => unescapeHl7(part, d).trim());
  return identifier || text;
}
