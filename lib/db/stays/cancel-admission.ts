import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { findAdmittedStay } from "./find-admitted-stay";

/**
 * Cancels an admission sent in error (an ADT A11): the patient's open stay and its bed assignments are removed, so
 * the bed is free and the stay never appears in the archive; the audit trail keeps both the admission and its
 * cancellation. Refused once anything was recorded in the stay (a support episode, a reading, a refused result): that stay is part of
 * the record and must be discharged instead. Refused: an unknown MRN, a patient not admitted.
 */
export async function cancelAdmission({
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
}): Promise<{ stayId: string; bedId: string }> {
  const result = await db.$transaction(async (tx) => {
    const stay = await findAdmittedStay(tx, mrn);
    const readings = await tx.observation.count({ where: { stayId: stay.id } });
    // A result refused for the patient (LabRefusal, with its alarm) is part of the record as much as a reading.
    const refused = await tx.labRefusal.count({ where: { stayId: stay.id } });
    if (stay._count.episodes > 0 || readings > 0 || refused > 0)
      throw new AppError(
        "CONFLICT",
        `The admission cannot be cancelled: ${stay._count.episodes} support episode(s), ${readings} reading(s) and ${refused} unreadable laboratory result(s) were recorded in it; discharge the patient instead.`,
        { field: "mrn" },
      );
    await tx.bedAssignment.deleteMany({ where: { stayId: stay.id } });
    await tx.stay.delete({ where: { id: stay.id } });
    await recordAuditEvent({
      db: tx,
      action: "stay.admission-cancelled",
      actor,
      context,
      target: { type: "stay", id: stay.id },
      unitId: stay.unitId,
      details: { bedId: stay.bedId, patientId: stay.patientId, admittedAt: stay.admittedAt.toISOString() },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "stay:changed", unitId: stay.unitId, bedId: stay.bedId, stayId: stay.id },
      now,
    });
    return { stayId: stay.id, bedId: stay.bedId };
  });
  announceCommit(db);
  return result;
}
