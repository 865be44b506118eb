import { ZLimitOverrideLimits, type TLimitOverride } from "@/lib/alarms/limit-overrides";
import type { Db } from "../client";

/**
 * The newest version of every override of a unit and of its episodes (withdrawn ones included, limits null), keyed
 * by scope: "unit" or the episode id. The engine and the limits screen both read them so.
 */
export async function findLimitOverrides({ db }: { db: Db }): Promise<TLimitOverrideRow[]> {
  const rows = await db.alarmLimitOverride.findMany({ orderBy: { version: "asc" } });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) newest.set(`${row.scopeKey}|${row.ruleId}`, row);
  return [...newest.values()].map((row) => ({
    id: row.id,
    ruleId: row.ruleId,
    scope: row.scope,
    unitId: row.unitId,
    episodeId: row.episodeId,
    version: row.version,
    limits: row.limits === null ? null : ZLimitOverrideLimits.parse(row.limits),
    reason: row.reason,
    createdById: row.createdById,
    createdAt: row.createdAt.getTime(),
  }));
}

export interface TLimitOverrideRow extends TLimitOverride {
  readonly unitId: string;
  readonly episodeId: string | null;
  readonly version: number;
  readonly reason: string;
  readonly createdById: string;
  readonly createdAt: number;
}
