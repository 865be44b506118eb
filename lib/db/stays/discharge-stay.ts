import { ZDischargeStay, type TDischargeStay, type TEpisodeEndReason, type TStayDisposition } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { refuseFuture } from "./refuse-future";

/**
 * A discharge that also ends the support still running, and why: a death on support ends it (reason death), a
 * transfer to another hospital takes the patient with the device (reason transfer). A patient going to the ward or
 * home cannot be on support: the episode must be ended first, on the bed page, with its own reason.
 */
const ENDS_SUPPORT: Partial<Record<TStayDisposition, TEpisodeEndReason>> = { death: "death", transfer: "transfer" };

/**
 * Discharges an open stay: the bed is free from this commit on, the stay archived and read-only (every stay
 * operation refuses a discharged stay). One transaction with the audit event and the DocumentChange that tells the
 * screens (the wall shows the bed empty). Refused: unknown or already discharged stay, a discharge time before the
 * admission or before a running episode's start, a ward/home discharge while support runs.
 */
export async function dischargeStay({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  input: TDischargeStay;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ bedId: string; endedEpisodeIds: string[] }> {
  const d = ZDischargeStay.parse(input);
  const at = refuseFuture(d.dischargedAt, now, "dischargedAt");
  const result = await db.$transaction(async (tx) => {
    const stay = await tx.stay.findUnique({
      where: { id: d.stayId },
      include: { episodes: { where: { endedAt: null }, select: { id: true, startedAt: true } } },
    });
    if (!stay) throw new AppError("NOT_FOUND", `No stay "${d.stayId}".`, undefined, refusal("stayNotFound"));
    if (stay.dischargedAt)
      throw new AppError("CONFLICT", "This stay is already discharged.", undefined, refusal("stayAlreadyDischarged"));
    if (at < stay.admittedAt)
      throw new AppError(
        "INVALID_INPUT",
        "dischargedAt: the discharge is before the admission.",
        {
          field: "dischargedAt",
        },
        refusal("dischargeBeforeAdmission", { admittedAt: stay.admittedAt }),
      );
    const endReason = ENDS_SUPPORT[d.disposition];
    if (stay.episodes.length > 0 && !endReason)
      throw new AppError(
        "CONFLICT",
        "Support is still running: end it on the bed page before a ward or home discharge.",
        undefined,
        refusal("dischargeSupportRunning"),
      );
    for (const episode of stay.episodes) {
      if (at < episode.startedAt)
        throw new AppError(
          "INVALID_INPUT",
          "dischargedAt: the discharge is before the start of the running support.",
          undefined,
          refusal("dischargeBeforeSupport", { startedAt: episode.startedAt }),
        );
      await tx.supportEpisode.update({
        where: { id: episode.id },
        data: { endedAt: at, endReason, endedById: actor?.userId ?? null },
      });
    }
    await tx.stay.update({
      where: { id: stay.id },
      data: {
        dischargedAt: at,
        dischargedById: actor?.userId ?? null,
        disposition: d.disposition,
        openBedKey: null,
        openPatientKey: null,
      },
    });
    await recordAuditEvent({
      db: tx,
      action: "stay.discharged",
      actor,
      context,
      target: { type: "stay", id: stay.id },
      unitId: stay.unitId,
      details: {
        bedId: stay.bedId,
        disposition: d.disposition,
        dischargedAt: at.toISOString(),
        endedEpisodes: stay.episodes.map((e) => e.id),
      },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "stay:changed", unitId: stay.unitId, bedId: stay.bedId, stayId: stay.id },
      now,
    });
    return { bedId: stay.bedId, endedEpisodeIds: stay.episodes.map((e) => e.id) };
  });
  announceCommit(db);
  return result;
}
