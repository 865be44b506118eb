import type { TParsedTime } from "../import-record";

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PARTIAL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Parses a FHIR dateTime/instant. FHIR requires an offset whenever a time is given; a date alone is refused because a
 * reading must be placed on a trend to the minute.
 */
export function parseFhirTime(text: string): TParsedTime {
  const value = text.trim();
  if (PARTIAL.test(value)) return { ok: false, reason: `"${value}" has no time of day: a reading needs one` };
  const match = DATE_TIME.exec(value);
  if (!match)
    return {
      ok: false,
      reason: `"${value}" is not a FHIR dateTime with a time-zone offset (YYYY-MM-DDThh:mm:ss+hh:mm)`,
    };
  const [, y, mo, d, h, mi] = match;
  const at = new Date(value);
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number.isNaN(at.getTime()) || probe.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) {
    return { ok: false, reason: `"${value}" is not a valid date and time` };
  }
  return { ok: true, at };
}
