import { ZLimitSource, type TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { Prisma } from "../generated/client";
import { toSeq } from "../seq";

/** What every alarm read selects: the row, and the name of whoever acknowledged it. */
export const ALARM_DTO_SELECT = {
  id: true,
  unitId: true,
  bedId: true,
  stayId: true,
  episodeId: true,
  ruleId: true,
  origin: true,
  priority: true,
  messageKey: true,
  parameter: true,
  value: true,
  limit: true,
  comparison: true,
  valueUnit: true,
  limitSource: true,
  limitSourceRef: true,
  details: true,
  status: true,
  conditionActive: true,
  conditionSince: true,
  raisedAt: true,
  clearedAt: true,
  acknowledgedAt: true,
  acknowledgedById: true,
  acknowledgedReason: true,
  acknowledgedComment: true,
  resolvedAt: true,
  resolution: true,
  lastEventSeq: true,
} as const satisfies Prisma.AlarmSelect;

export type TAlarmRow = Prisma.AlarmGetPayload<{ select: typeof ALARM_DTO_SELECT }>;

/** A stored alarm as screens receive it; `names` maps user ids to display names (who acknowledged). */
export function toAlarmDto(row: TAlarmRow, names: ReadonlyMap<string, string>): TAlarmDto {
  const details = parseDetails(row.details);
  return {
    id: row.id,
    unitId: row.unitId,
    bedId: row.bedId,
    stayId: row.stayId,
    episodeId: row.episodeId,
    ruleId: row.ruleId,
    origin: row.origin,
    priority: row.priority,
    messageKey: row.messageKey,
    parameter: row.parameter,
    value: row.value,
    limit: row.limit,
    comparison: row.comparison,
    valueUnit: row.valueUnit,
    // A String column (hyphenated values): a value outside the set would be a corrupted row, so fail loudly rather
    // than show a wrong provenance. The enum columns are checked by Prisma as it reads them.
    limitSource: ZLimitSource.parse(row.limitSource),
    limitSourceRef: row.limitSourceRef,
    summary: isSummary(details.summary) ? details.summary : null,
    status: row.status,
    conditionActive: row.conditionActive,
    conditionSince: row.conditionSince.getTime(),
    raisedAt: row.raisedAt.getTime(),
    clearedAt: row.clearedAt?.getTime() ?? null,
    acknowledgedAt: row.acknowledgedAt?.getTime() ?? null,
    acknowledgedBy: row.acknowledgedById === null ? null : (names.get(row.acknowledgedById) ?? row.acknowledgedById),
    acknowledgedReason: row.acknowledgedReason,
    acknowledgedComment: row.acknowledgedComment,
    resolvedAt: row.resolvedAt?.getTime() ?? null,
    resolution: row.resolution,
    lastEventSeq: toSeq(row.lastEventSeq),
  };
}

/** The display names of the users who acknowledged these alarms. */
export async function acknowledgerNames(
  db: Pick<Prisma.TransactionClient, "user">,
  rows: readonly TAlarmRow[],
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.acknowledgedById).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function parseDetails(details: unknown): Record<string, unknown> {
  return typeof details === "object" && details !== null ? (details as Record<string, unknown>) : {};
}

function isSummary(x: unknown): x is { en: string; fr: string } {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as { en?: unknown }).en === "string" &&
    typeof (x as { fr?: unknown }).fr === "string"
  );
}
