/**
 * A message that cannot be imported as a whole (not HL7, not ORU^R01, no control id). An MLLP listener answers it
 * with AR; a file import reports it as one unreadable record. `errorCode` is from HL7 table 0357.
 */
export class Hl7MessageError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly value: string,
    readonly errorCode: "100" | "101" | "102" | "200" | "207",
  ) {
    super(message);
    this.name = "Hl7MessageError";
  }
}
