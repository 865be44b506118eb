import { randomUUID } from "node:crypto";

export type TAckCode = "AA" | "AE" | "AR";

/** One ERR segment: where (segment, its occurrence, field), HL7 table 0357 code, severity, and words for a person. */
export interface TAckError {
  readonly segment?: string;
  readonly sequence?: number;
  readonly field?: number;
  readonly code: "100" | "101" | "102" | "103" | "200" | "204" | "207";
  readonly severity: "E" | "W" | "I";
  readonly message: string;
}

const CODE_TEXT: Record<TAckError["code"], string> = {
  "100": "Segment sequence error",
  "101": "Required field missing",
  "102": "Data type error",
  "103": "Table value not found",
  "200": "Unsupported message type",
  "204": "Unknown key identifier",
  "207": "Application internal error",
};

export interface TBuildHl7AckOptions {
  /** The message being acknowledged, as received; it may be unparseable, so its header is read leniently here. */
  received: string;
  code: TAckCode;
  /** MSA-3: a short summary (HL7 limits it to 80 characters). */
  text?: string;
  errors?: readonly TAckError[];
  now: Date;
}

/**
 * An original-mode ACK (HL7 v2.5 §2.9): MSH addressed back to the sender, MSA with the code and the received control
 * id, one ERR per problem. Built by hand rather than with the parser's builder because it must also answer a message
 * that parser could not read.
 */
export function buildHl7Ack({ received, code, text, errors = [], now }: TBuildHl7AckOptions): string {
  const header = received.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  const isMsh = header.startsWith("MSH") && header.length > 8;
  const f = isMsh ? header.charAt(3) : "|";
  const fields = isMsh ? header.split(f) : [];
  // fields[1] is MSH-2 (the encoding characters), so MSH-n is fields[n - 1].
  const msh = (n: number) => fields[n - 1] ?? "";
  const msh3 = msh(3) || "";
  const segments = [
    [
      "MSH",
      "^~\\&",
      msh(5) || "ECMO-STATION",
      msh(6),
      msh3,
      msh(4),
      hl7Now(now),
      "",
      // The trigger event acknowledged (R01 for results, A01… for ADT), as HL7 v2.5.1 §2.9.2 asks.
      `ACK^${msh(9).split(fields[1]?.charAt(0) ?? "^")[1] || "R01"}^ACK`,
      randomUUID().replaceAll("-", "").slice(0, 20),
      msh(11) || "P",
      msh(12) || "2.5.1",
    ].join("|"),
    ["MSA", code, escape(msh(10)), escape((text ?? "").slice(0, 80))].join("|"),
    ...errors.map((e) =>
      [
        "ERR",
        "",
        e.segment ? [e.segment, e.sequence ?? "", e.field ?? ""].join("^") : "",
        `${e.code}^${CODE_TEXT[e.code]}^HL70357`,
        e.severity,
        "",
        "",
        "",
        escape(e.message.slice(0, 250)),
      ].join("|"),
    ),
  ];
  return segments.join("\r") + "\r";
}

/** Text into an HL7 field: the delimiters become escape sequences, line breaks spaces. */
function escape(text: string): string {
  return text
    .replaceAll("\\", "\\E\\")
    .replaceAll("|", "\\F\\")
    .replaceAll("^", "\\S\\")
    .replaceAll("&", "\\T\\")
    .replaceAll("~", "\\R\\")
    .replace(/[\r\n]+/g, " ");
}

function hl7Now(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}+0000`;
}
