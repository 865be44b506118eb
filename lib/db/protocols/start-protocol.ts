import { randomUUID } from "node:crypto";
import type { TProtocolPlanDto, TStartProtocolInput } from "@/lib/protocols/protocol-dtos";
import { PROTOCOLS } from "@/lib/protocols/protocols";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { PLAN_SELECT, toPlanDto } from "./protocol-rows";

/**
 * Starts a protocol on the bed's patient: the episode the nurse saw must still be the bed's one under way and on a
 * support the protocol is for, and the same protocol must not already run on it. The plan, its audit and its
 * DocumentChange commit together; then the change feed tells every screen of the unit.
 */
export async function startProtocol({
  db,
  bedId,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  input: TStartProtocolInput;
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<TProtocolPlanDto> {
  const protocol = PROTOCOLS[input.protocol];
  const id = randomUUID();
  const row = await db.$transaction(async (tx) => {
    const bed = await tx.bed.findUnique({
      where: { id: bedId },
      select: {
        label: true,
        unitId: true,
        episodes: { where: { endedAt: null }, orderBy: { startedAt: "desc" }, take: 1 },
      },
    });
    if (!bed) throw new AppError("NOT_FOUND", `No bed "${bedId}".`, undefined, refusal("bedNotFound"));
    const episode = bed.episodes[0];
    if (!episode || episode.id !== input.episodeId)
      throw new AppError(
        "CONFLICT",
        `Bed ${bed.label} no longer has the patient this screen showed: reload the bed before starting a protocol.`,
        undefined,
        refusal("protocolBedChanged", { bed: bed.label }),
      );
    if (!protocol.devices.includes(episode.deviceType))
      throw new AppError(
        "CONFLICT",
        `protocol: "${protocol.id}" does not apply to this bed's support.`,
        undefined,
        refusal("protocolNotForSupport"),
      );
    const running = await tx.protocolTimer.findFirst({
      where: { episodeId: episode.id, protocol: protocol.id, status: "active" },
      select: { id: true },
    });
    if (running)
      throw new AppError(
        "CONFLICT",
        `protocol: this protocol already runs on bed ${bed.label}; cancel it first.`,
        undefined,
        refusal("protocolAlreadyRunning", { bed: bed.label }),
      );
    const anchorAt = new Date(input.anchorAt ?? now.getTime());
    if (anchorAt < episode.startedAt)
      throw new AppError(
        "INVALID_INPUT",
        "anchorAt: the clock cannot start before the patient's support started.",
        undefined,
        refusal("protocolStartBeforeSupport"),
      );
    const created = await tx.protocolTimer.create({
      data: {
        id,
        unitId: bed.unitId,
        bedId,
        episodeId: episode.id,
        protocol: protocol.id,
        version: protocol.version,
        anchorAt,
        startedAt: now,
        startedById: actor.userId,
      },
      select: PLAN_SELECT,
    });
    await recordAuditEvent({
      db: tx,
      action: "protocol.started",
      actor,
      context,
      target: { type: "protocol-timer", id },
      unitId: bed.unitId,
      details: {
        bedId,
        episodeId: episode.id,
        protocol: protocol.id,
        version: protocol.version,
        anchorAt: anchorAt.toISOString(),
      },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "protocol:changed", unitId: bed.unitId, bedId, timerId: id },
      now,
    });
    return created;
  });
  announceCommit(db);
  const dto = toPlanDto(row);
  if (!dto) throw new Error(`protocol ${row.protocol} was just started and must be known`);
  return dto;
}
