import type { TLocalCode } from "@/lib/imports/codes/local-codes";
import { buildHl7Ack, type TAckError } from "@/lib/imports/hl7/build-hl7-ack";
import { Hl7MessageError } from "@/lib/imports/hl7/hl7-message-error";
import { hl7MessageType } from "@/lib/imports/hl7/read-adt-message";
import { readOruMessage } from "@/lib/imports/hl7/read-oru-message";
import type { TImportRejection, TImportRejectionCode } from "@/lib/imports/import-record";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import type { Db } from "@/lib/db/client";
import { receiveAdtMessage } from "@/lib/db/adt/receive-adt-message";
import type { TImportState } from "@/lib/db/imports/import-run";
import { runImport } from "@/lib/db/imports/run-import";

export interface THandleMllpMessageOptions {
  db: Db;
  sink: ReadingSink;
  message: string;
  /** The peer's address, for the job's actor and locations. */
  peer: string;
  timeZone: string;
  localCodes?: readonly TLocalCode[];
  now?: () => Date;
  onProgress?: (state: TImportState) => void;
}

/** At most this many ERR segments in one ACK; the job's report holds them all. */
const MAX_ERR = 50;

/**
 * Imports one message received over MLLP as its own job and answers it, only once its results are committed:
 *   AA — every OBX was handled: stored, already stored, not monitored, or a pending result (reported in an ERR of
 *        severity I: the final result will follow, and an interface engine should not raise an error for it);
 *   AE — some OBX were refused (unit, value, patient, time…): one ERR of severity E each, naming segment and field;
 *   AR — the message as a whole could not be read, is not ORU^R01, or could not be stored (resend later).
 * An ADT message (admit, transfer, discharge…) is applied to the stays instead (lib/db/adt): AA done, AE refused
 * with the field and the reason, AR unreadable.
 */
export async function handleMllpMessage({
  db,
  sink,
  message,
  peer,
  timeZone,
  localCodes,
  now = () => new Date(),
  onProgress,
}: THandleMllpMessageOptions): Promise<string> {
  const ack = (code: "AA" | "AE" | "AR", text: string, errors: TAckError[] = []) =>
    buildHl7Ack({ received: message, code, text, errors, now: now() });
  if (hl7MessageType(message).startsWith("ADT^")) {
    const answer = await receiveAdtMessage({ db, text: message, timeZone, now: now() });
    return ack(answer.code, answer.text, answer.errors);
  }
  let read;
  try {
    read = readOruMessage({ text: message, file: `mllp ${peer}`, timeZone });
  } catch (error) {
    if (!(error instanceof Hl7MessageError)) throw error;
    const [segment, field] = error.field.split("-");
    return ack("AR", error.message, [
      {
        segment,
        sequence: 1,
        field: field ? Number(field) : undefined,
        code: error.errorCode,
        severity: "E",
        message: error.message,
      },
    ]);
  }

  const summary = await runImport({
    db,
    sink,
    items: read.items,
    kind: "hl7",
    fileName: `MLLP ${read.sender} ${read.controlId}`,
    actor: `mllp:${peer}`,
    now,
    localCodes,
    onProgress,
  });
  if (summary.status === "failed") {
    return ack("AR", "could not store the results: resend later", [
      { code: "207", severity: "E", message: summary.error ?? "application internal error" },
    ]);
  }
  const errors = summary.rejections.slice(0, MAX_ERR).map(toAckError);
  const refused = summary.rejections.filter((r) => r.code !== "PENDING_RESULT").length;
  if (refused === 0) {
    const pending = summary.rejections.length;
    return ack(
      "AA",
      `${summary.accepted} stored, ${summary.duplicate} already stored, ${summary.ignored} not monitored${pending ? `, ${pending} pending` : ""}`,
      errors,
    );
  }
  return ack("AE", `${refused} of ${summary.processed} results refused; see ERR`, errors);
}

const ERROR_CODE: Partial<Record<TImportRejectionCode, TAckError["code"]>> = {
  UNIT_NOT_ACCEPTED: "103",
  UNKNOWN_PARAMETER: "103",
  MISSING_PATIENT: "101",
  PENDING_RESULT: "101",
  UNKNOWN_PATIENT: "204",
  NO_ACTIVE_EPISODE: "204",
  // HL7 table 0357: 204 unknown key identifier (no admitted patient to file the result under).
  NOT_ADMITTED: "204",
  OUTSIDE_STAY: "102",
  UNKNOWN_EPISODE: "204",
  NOT_NUMERIC: "102",
  INVALID_TIME: "102",
  IMPLAUSIBLE_VALUE: "102",
  NOT_ALLOWED_VALUE: "102",
  FUTURE_TIME: "102",
  OUTSIDE_EPISODE: "102",
  STATUS_NOT_ACCEPTED: "103",
  UNREADABLE: "100",
};

function toAckError(rejection: TImportRejection): TAckError {
  const [, segment, field] = /^([A-Z][A-Z0-9]{2})-(\d+)$/.exec(rejection.field) ?? [];
  const sequence = /OBX\[(\d+)\]/.exec(rejection.location)?.[1];
  return {
    segment,
    sequence: sequence ? Number(sequence) : undefined,
    field: field ? Number(field) : undefined,
    code: ERROR_CODE[rejection.code] ?? "207",
    severity: rejection.code === "PENDING_RESULT" ? "I" : "E",
    message: `${rejection.field} "${rejection.value}": ${rejection.reason}`,
  };
}
