/** The message's own delimiters (MSH-1 and MSH-2), read from its header. */
export interface THl7Delimiters {
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

/** The delimiters of a normalised message (its first characters are "MSH" then MSH-1 and MSH-2). */
export function readHl7Delimiters(normalised: string): THl7Delimiters {
  return {
    component: normalised.charAt(4) || "^",
    repetition: normalised.charAt(5) || "~",
    escape: normalised.charAt(6) || "\\",
    subcomponent: normalised.charAt(7) || "&",
  };
}

/**
 * PID-3's (or MRG-1's) repetitions (CX: id^check^scheme^authority^type), medical record numbers first: the station
 * matches a patient on the MRN, and senders list other identifiers (visit, national) beside it in any order.
 */
export function readHl7Identifiers(field: string, d: THl7Delimiters): string[] {
  const ids = field
    .split(d.repetition)
    .map((rep) => rep.split(d.component))
    .map(([id = "", , , , type = ""]) => ({ id: unescapeHl7(id, d).trim(), mr: type.trim() === "MR" }))
    .filter((x) => x.id !== "");
  return [...ids.filter((x) => x.mr), ...ids.filter((x) => !x.mr)].map((x) => x.id);
}

/** HL7 escape sequences (\F\ \S\ \T\ \R\ \E\) back to their characters; other sequences are left as sent. */
export function unescapeHl7(text: string, d: THl7Delimiters): string {
  if (!text.includes(d.escape)) return text;
  const e = d.escape.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  return text.replace(new RegExp(`${e}([FSTRE])${e}`, "g"), (_, c: string) => {
    switch (c) {
      case "F":
        return "|";
      case "S":
        return d.component;
      case "T":
        return d.subcomponent;
      case "R":
        return d.repetition;
      default:
        return d.escape;
    }
  });
}
