import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";

/**
 * Cancels a patient's last discharge (an ADT A13): the stay is open again in the bed it left, and the support the
 * discharge ended (a death or transfer discharge ends it at the same instant, discharge-stay.ts) runs again. One
 * transaction with the audit event and the DocumentChange. Refused: an unknown MRN, a patient admitted now, a patient
 * never discharged, a bed taken since.
 */
export async function cancelDischarge({
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
}): Promise<{ stayId: string; bedId: string; reopenedEpisodeIds: string[] }> {
  const result = await db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { identifier: mrn } });
    if (!patient) throw new AppError("NOT_FOUND", `No patient with MRN ${mrn}.`, { field: "mrn" });
    const stays = await tx.stay.findMany({
      where: { patientId: patient.id },
      orderBy: { admittedAt: "desc" },
      take: 1,
      include: { bed: { select: { label: true } } },
    });
    const stay = stays[0];
    if (!stay?.dischargedAt)
      throw new AppError(
        "CONFLICT",
        stay ? "This patient is admitted: there is no discharge to cancel." : "This patient was never discharged.",
        { field: "mrn" },
      );
    const dischargedAt = stay.dischargedAt;
    const taken = await tx.stay.findFirst({ where: { openBedKey: stay.bedId }, select: { id: true } });
    if (taken)
      throw new AppError("CONFLICT", `Bed ${stay.bed.label} is occupied since: move its patient first.`, {
        field: "bedId",
      });
    const ended = await tx.supportEpisode.findMany({
      where: { stayId: stay.id, endedAt: dischargedAt, endReason: { in: ["death", "transfer"] } },
      select: { id: true },
    });
    await tx.supportEpisode.updateMany({
      where: { id: { in: ended.map((e) => e.id) } },
      data: { endedAt: null, endReason: null, endedById: null },
    });
    await tx.stay.update({
      where: { id: stay.id },
      data: {
        dischargedAt: null,
        dischargedById: null,
        disposition: null,
        openBedKey: stay.bedId,
        openPatientKey: patient.id,
      },
    });
    await recordAuditEvent({
      db: tx,
      action: "stay.discharge-cancelled",
      actor,
      context,
      target: { type: "stay", id: stay.id },
      unitId: stay.unitId,
      details: {
        bedId: stay.bedId,
        dischargedAt: dischargedAt.toISOString(),
        disposition: stay.disposition,
        reopenedEpisodes: ended.map((e) => e.id),
      },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "stay:changed", unitId: stay.unitId, bedId: stay.bedId, stayId: stay.id },
      now,
    });
    return { stayId: stay.id, bedId: stay.bedId, reopenedEpisodeIds: ended.map((e) => e.id) };
  });
  announceCommit(db);
  return result;
}
