import { randomUUID } from "node:crypto";
import { ZStartEpisode, type TStartEpisode } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { refuseFuture } from "./refuse-future";

/**
 * Starts a support episode (VA-ECMO, IABP or both) inside an open stay: the episode with its cannulation, console
 * and initial settings, the first entry of its settings history, the audit event and the DocumentChange, in one
 * transaction. One episode runs at a time in a stay: adding a balloon to an ECMO is ending the ECMO episode
 * (reason escalated) and starting a VA_ECMO_IABP one. Refused: unknown or discharged stay, support already running,
 * a start before the admission or in the future.
 */
export async function startEpisodeInTransaction({
  tx,
  input,
  actor,
  context,
  now = new Date(),
  scenario = null,
  episodeId = randomUUID(),
}: {
  tx: TTx;
  input: TStartEpisode;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
  /** The demo seeder's simulator scenario; null for a real patient. */
  scenario?: string | null;
  /** A fixed id (the demo seeder's, stable across runs); random otherwise. */
  episodeId?: string;
}): Promise<{ episodeId: string; bedId: string }> {
  const e = ZStartEpisode.parse(input);
  const startedAt = refuseFuture(e.startedAt, now, "startedAt");
  const stay = await tx.stay.findUnique({
    where: { id: e.stayId },
    include: { episodes: { where: { endedAt: null }, select: { id: true } } },
  });
  if (!stay) throw new AppError("NOT_FOUND", `No stay "${e.stayId}".`, undefined, refusal("stayNotFound"));
  if (stay.dischargedAt)
    throw new AppError(
      "CONFLICT",
      "This stay is discharged and archived: support cannot start.",
      undefined,
      refusal("supportStartDischarged"),
    );
  if (stay.episodes.length > 0)
    throw new AppError(
      "CONFLICT",
      "Support is already running: end it (reason escalated) before starting another.",
      undefined,
      refusal("supportAlreadyRunning"),
    );
  if (startedAt < stay.admittedAt)
    throw new AppError(
      "INVALID_INPUT",
      "startedAt: support cannot start before the admission.",
      undefined,
      refusal("supportStartBeforeAdmission", { admittedAt: stay.admittedAt }),
    );
  await tx.supportEpisode.create({
    data: {
      id: episodeId,
      stayId: stay.id,
      patientId: stay.patientId,
      bedId: stay.bedId,
      deviceType: e.deviceType,
      startedAt,
      startedById: actor?.userId ?? null,
      cannulationSite: e.cannulationSite,
      cannulationSide: e.cannulationSide,
      cannulas: e.cannulas ?? undefined,
      distalPerfusion: e.distalPerfusion,
      distalPerfusionAt: e.distalPerfusionAt === null ? null : new Date(e.distalPerfusionAt),
      consoleModel: e.consoleModel,
      diagnosis: stay.diagnosis,
      settings: e.settings,
      scenario,
    },
  });
  await tx.episodeSettingChange.create({
    data: { episodeId, at: startedAt, byId: actor?.userId ?? null, settings: e.settings },
  });
  await recordAuditEvent({
    db: tx,
    action: "episode.started",
    actor,
    context,
    target: { type: "support-episode", id: episodeId },
    unitId: stay.unitId,
    details: { stayId: stay.id, bedId: stay.bedId, deviceType: e.deviceType, startedAt: startedAt.toISOString() },
    now,
  });
  await recordDocumentChange({
    db: tx,
    change: { type: "stay:changed", unitId: stay.unitId, bedId: stay.bedId, stayId: stay.id },
    now,
  });
  return { episodeId, bedId: stay.bedId };
}

type TTx = Prisma.TransactionClient;

/** startEpisodeInTransaction in a transaction of its own, then the change feed woken. */
export async function startEpisode(
  args: Omit<Parameters<typeof startEpisodeInTransaction>[0], "tx"> & { db: Db },
): Promise<{ episodeId: string; bedId: string }> {
  const { db, ...rest } = args;
  const result = await db.$transaction((tx) => startEpisodeInTransaction({ ...rest, tx }));
  announceCommit(db);
  return result;
}
