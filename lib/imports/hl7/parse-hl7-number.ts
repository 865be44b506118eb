/** HL7 v2 NM (§2.A.47): an optional sign, then digits with at most one decimal point. Nothing else. */
const NM = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

export type TParsedHl7Number =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

/**
 * The number an HL7 NM field (or the numbers of an SN) holds, as HL7 defines it. JavaScript's Number() reads far
 * more ("1e1" as 10, "0x10" as 16, "Infinity", "" as 0), and a sender's "1e1" is more likely a typing or export error
 * than a ten: such text is refused with a reason naming what HL7 does not allow, never taken as a number. Surrounding
 * whitespace is the caller's to trim (every reader trims a field); whitespace inside is refused.
 */
export function parseHl7Number(text: string): TParsedHl7Number {
  if (NM.test(text)) {
    const value = Number(text);
    // Hundreds of digits are an NM, but not a number a monitor sends: Number() makes them Infinity.
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `"${text}" is not a finite number` };
  }
  const rule = "HL7 NM is an optional sign, digits and an optional decimal point";
  if (/\s/.test(text)) return { ok: false, reason: `"${text}" holds a space inside the number (${rule})` };
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(text))
    return { ok: false, reason: `"${text}" uses an exponent, which HL7 NM does not allow (${rule})` };
  return { ok: false, reason: `"${text}" is not a number (${rule})` };
}
