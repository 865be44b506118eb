import type { TAlarmLimits, TOverrideVersion } from "@/lib/alarms/alarm-limits";
import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import { isOverridable } from "@/lib/alarms/limit-overrides";
import { getParameter } from "@/lib/catalogue";
import type { Db } from "../client";
import { findLimitOverrides, type TLimitOverrideRow } from "./find-limit-overrides";

/**
 * The limits in force on a unit: every rule with a fixed limit, its default and its source, the unit's override and
 * each open episode's, with who set it, when and why. What the limits screen shows; the engine applies the same rows.
 */
export async function listAlarmLimits({ db, unitId }: { db: Db; unitId: string }): Promise<TAlarmLimits> {
  const episodes = await db.supportEpisode.findMany({
    where: { endedAt: null, bed: { unitId } },
    select: { id: true, bed: { select: { label: true, position: true } } },
    orderBy: { bed: { position: "asc" } },
  });
  const labels = new Map(episodes.map((e) => [e.id, e.bed.label]));
  const overrides = (await findLimitOverrides({ db })).filter((o) => o.unitId === unitId);
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(overrides.map((o) => o.createdById))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const version = (o: TLimitOverrideRow): TOverrideVersion => ({
    id: o.id,
    version: o.version,
    value: o.limits?.value ?? null,
    reason: o.reason,
    by: names.get(o.createdById) ?? o.createdById,
    at: o.createdAt,
  });

  const rules = DEFAULT_ALARM_RULES.filter(isOverridable).map((rule) => {
    const mine = overrides.filter((o) => o.ruleId === rule.id);
    const unit = mine.find((o) => o.scope === "unit");
    return {
      ruleId: rule.id,
      priority: rule.priority,
      parameter: rule.parameter,
      comparison: rule.limit.comparison,
      unit: getParameter(rule.parameter).unitDisplay,
      defaultValue: rule.limit.value,
      source: rule.source,
      unitOverride: unit ? version(unit) : null,
      episodes: mine
        .filter((o) => o.scope === "episode" && o.episodeId !== null && labels.has(o.episodeId))
        .map((o) => ({ ...version(o), episodeId: o.episodeId ?? "", bedLabel: labels.get(o.episodeId ?? "") ?? "" })),
    };
  });
  return { unitId, rules, episodes: episodes.map((e) => ({ episodeId: e.id, bedLabel: e.bed.label })) };
}
