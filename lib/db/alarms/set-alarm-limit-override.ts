import { randomUUID } from "node:crypto";
import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import { checkLimitOverride, ZSetLimitOverrideSchema } from "@/lib/alarms/limit-overrides";
import type { TPrincipal } from "@/lib/auth/principal";
import { actorOf, recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { assertUnitAccess } from "../auth/authorize";
import type { Db } from "../client";
import { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { alarmInputError } from "./alarm-input-error";

export interface TSetAlarmLimitOverrideOptions {
  db: Db;
  principal: TPrincipal;
  input: unknown;
  context: TRequestContext | null;
  via: string;
  now?: Date;
}

/**
 * Changes a rule's limit for a unit or for one patient's episode, with a reason: a new version (never an edit of the
 * last), audited with the old and new limits in one transaction. `limits: null` withdraws the override. The engine
 * reads the new version at its next judgement; open alarms keep the limit they were raised against.
 */
export async function setAlarmLimitOverride({
  db,
  principal,
  input,
  context,
  via,
  now = new Date(),
}: TSetAlarmLimitOverrideOptions) {
  const parsed = ZSetLimitOverrideSchema.safeParse(input);
  if (!parsed.success) throw alarmInputError("limit", parsed.error);
  const o = parsed.data;
  await assertUnitAccess({
    db,
    principal,
    action: "threshold.change",
    unitId: o.unitId,
    context,
    target: { type: "alarm-rule", id: o.ruleId },
    via,
  });
  const rule = DEFAULT_ALARM_RULES.find((r) => r.id === o.ruleId);
  const problem = o.limits ? checkLimitOverride(rule, o.limits) : rule ? null : "no such rule";
  if (problem) throw new AppError("INVALID_INPUT", `limit of ${o.ruleId}: ${problem}`);
  if (o.scope === "episode") {
    const episode = await db.supportEpisode.findUnique({
      where: { id: o.episodeId ?? "" },
      select: { endedAt: true, bed: { select: { unitId: true } } },
    });
    if (!episode || episode.bed.unitId !== o.unitId)
      throw new AppError("NOT_FOUND", `no support episode "${o.episodeId ?? ""}" in unit ${o.unitId}`);
    if (episode.endedAt !== null)
      throw new AppError(
        "CONFLICT",
        "This episode has ended: its limits can no longer change.",
        undefined,
        refusal("alarmLimitsEnded"),
      );
  }
  const scopeKey = o.scope === "unit" ? `unit:${o.unitId}` : `episode:${o.episodeId ?? ""}`;
  return db.$transaction(async (tx) => {
    const last = await tx.alarmLimitOverride.findFirst({
      where: { scopeKey, ruleId: o.ruleId },
      orderBy: { version: "desc" },
    });
    if (!last && o.limits === null)
      throw new AppError("CONFLICT", "There is no override to withdraw.", undefined, refusal("alarmNoOverride"));
    const created = await tx.alarmLimitOverride.create({
      data: {
        id: randomUUID(),
        ruleId: o.ruleId,
        scope: o.scope,
        scopeKey,
        unitId: o.unitId,
        episodeId: o.scope === "episode" ? (o.episodeId ?? null) : null,
        version: (last?.version ?? 0) + 1,
        // Prisma.DbNull: SQL NULL (withdrawn), not the JSON value null.
        limits: o.limits ?? Prisma.DbNull,
        reason: o.reason,
        createdById: principal.userId,
        createdAt: now,
      },
    });
    await recordAuditEvent({
      db: tx,
      action: "alarm.limit-changed",
      actor: actorOf(principal),
      context,
      target: { type: "alarm-rule", id: o.ruleId },
      unitId: o.unitId,
      details: {
        scope: o.scope,
        episodeId: o.episodeId ?? null,
        version: created.version,
        from: last?.limits ?? null,
        to: o.limits,
        reason: o.reason,
      },
      now,
    });
    return { id: created.id, version: created.version };
  });
}
