/**
 * Brings HL7 text to the form parsers expect: no byte-order mark, segments separated by a single CR, no blank lines.
 * Real files break both (the NIST sample starts with a BOM and uses LF): two popular parsers then find no OBX at all
 * or throw (test/fixtures/external/README.md).
 */
export function normaliseHl7(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== "")
    .join("\r");
}
