import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";

/**
 * Merges two MRNs of one person (an ADT A40: PID-3 survives, MRG-1 is merged into it). The stays and episodes of
 * the merged record move to the surviving one and the merged record is removed; when the surviving MRN is not known
 * here, the merged record simply takes it. One transaction with the audit event (both MRNs). Refused: an unknown
 * merged MRN, the same MRN twice, two records each admitted now (two beds for one person: a person must decide).
 */
export async function mergePatients({
  db,
  survivingMrn,
  mergedMrn,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  survivingMrn: string;
  mergedMrn: string;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ patientId: string; movedStays: number }> {
  if (survivingMrn === mergedMrn)
    throw new AppError("INVALID_INPUT", "The two MRNs are the same: nothing to merge.", { field: "mergedMrn" });
  const result = await db.$transaction(async (tx) => {
    const merged = await tx.patient.findUnique({ where: { identifier: mergedMrn } });
    if (!merged) throw new AppError("NOT_FOUND", `No patient with MRN ${mergedMrn}.`, { field: "mergedMrn" });
    const surviving = await tx.patient.findUnique({ where: { identifier: survivingMrn } });
    const open = await tx.stay.findMany({
      where: { patientId: { in: [merged.id, ...(surviving ? [surviving.id] : [])] }, dischargedAt: null },
      select: { id: true, unitId: true, bedId: true },
    });
    if (open.length > 1)
      throw new AppError("CONFLICT", "Both records are admitted, in two beds: discharge one before merging.", {
        field: "mergedMrn",
      });
    let patientId = merged.id;
    let movedStays = 0;
    if (!surviving) {
      await tx.patient.update({ where: { id: merged.id }, data: { identifier: survivingMrn } });
    } else {
      patientId = surviving.id;
      // The surviving stay key moves with its stay: a patient is in at most one bed (openPatientKey is unique).
      const stays = await tx.stay.findMany({
        where: { patientId: merged.id },
        select: { id: true, dischargedAt: true },
      });
      for (const stay of stays)
        await tx.stay.update({
          where: { id: stay.id },
          data: { patientId: surviving.id, openPatientKey: stay.dischargedAt ? null : surviving.id },
        });
      await tx.supportEpisode.updateMany({ where: { patientId: merged.id }, data: { patientId: surviving.id } });
      await tx.patient.delete({ where: { id: merged.id } });
      movedStays = stays.length;
    }
    await recordAuditEvent({
      db: tx,
      action: "patient.merged",
      actor,
      context,
      target: { type: "patient", id: patientId },
      unitId: open[0]?.unitId ?? null,
      details: { survivingMrn, mergedMrn, mergedPatientId: merged.id, movedStays },
      now,
    });
    for (const stay of open)
      await recordDocumentChange({
        db: tx,
        change: { type: "stay:changed", unitId: stay.unitId, bedId: stay.bedId, stayId: stay.id },
        now,
      });
    return { patientId, movedStays };
  });
  announceCommit(db);
  return result;
}
