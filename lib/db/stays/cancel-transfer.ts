import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { findAdmittedStay } from "./find-admitted-stay";
import { moveStayInTransaction } from "./move-stay";

/**
 * Cancels the last transfer of an admitted patient (an ADT A12): the patient goes back to the bed the last move came
 * from, recorded as a move of its own (the history keeps both) and audited as a cancelled transfer. Refused: an
 * unknown MRN, a patient not admitted, a stay never moved, a former bed taken since.
 */
export async function cancelTransfer({
  db,
  mrn,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  mrn: string;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ fromBedId: string; toBedId: string }> {
  const result = await db.$transaction(async (tx) => {
    const stay = await findAdmittedStay(tx, mrn);
    const last = await tx.bedAssignment.findFirst({
      where: { stayId: stay.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    if (!last?.fromBedId)
      throw new AppError("CONFLICT", "This patient has not been moved since admission: no transfer to cancel.", {
        field: "mrn",
      });
    return moveStayInTransaction({
      tx,
      input: { stayId: stay.id, toBedId: last.fromBedId },
      actor,
      context,
      now,
      action: "stay.transfer-cancelled",
    });
  });
  announceCommit(db);
  return result;
}
