import type { TAckCode, TAckError } from "@/lib/imports/hl7/build-hl7-ack";
import { Hl7MessageError } from "@/lib/imports/hl7/hl7-message-error";
import { readAdtMessage } from "@/lib/imports/hl7/read-adt-message";
import type { Db } from "../client";
import { applyAdtMessage } from "./apply-adt-message";

/** The answer to an ADT message, whatever way it came: the ACK's code, MSA-3 text and ERR segments. */
export interface TAdtAnswer {
  readonly code: TAckCode;
  readonly text: string;
  readonly errors: TAckError[];
  /** The event read, when the message could be read ("A01"…). */
  readonly event?: string;
}

/**
 * Reads and applies one ADT message: AA when done (or already done), AE when the station refused it (an ERR naming
 * the segment and field, and why; nothing written but the audit of the refusal), AR when it cannot be read or is not
 * an event the station takes. A failure of the database is thrown: the caller answers AR (resend later).
 */
export async function receiveAdtMessage({
  db,
  text,
  timeZone,
  now = new Date(),
}: {
  db: Db;
  text: string;
  timeZone: string;
  now?: Date;
}): Promise<TAdtAnswer> {
  let message;
  try {
    message = readAdtMessage({ text, timeZone });
  } catch (error) {
    if (!(error instanceof Hl7MessageError)) throw error;
    return { code: "AR", text: error.message, errors: [toAckError(error.field, error.errorCode, error.message)] };
  }
  const outcome = await applyAdtMessage({ db, message, now });
  if (outcome.status === "applied") return { code: "AA", text: outcome.text, errors: [], event: message.event };
  return {
    code: "AE",
    text: `${message.event} refused: ${outcome.reason}`,
    errors: [toAckError(outcome.field, outcome.code, `${outcome.field}: ${outcome.reason}`)],
    event: message.event,
  };
}

function toAckError(field: string, code: TAckError["code"], message: string): TAckError {
  const [segment, number] = field.split("-");
  return { segment, sequence: 1, field: number ? Number(number) : undefined, code, severity: "E", message };
}
