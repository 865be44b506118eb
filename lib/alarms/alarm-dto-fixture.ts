import type { TAlarmDto } from "./alarm-dto";

/** A stored alarm for tests (tiles, the alarm list, trend markers): a high lactate on bed-1, active, overridable field by field. */
export function alarmDto(overrides: Partial<TAlarmDto> & Pick<TAlarmDto, "id" | "raisedAt">): TAlarmDto {
  return {
    unitId: "unit-1",
    bedId: "bed-1",
    stayId: "stay-1",
    episodeId: "episode-1",
    ruleId: "lactate-high",
    origin: "engine",
    priority: "high",
    messageKey: "lactateHigh",
    parameter: "lactate",
    value: 4.6,
    limit: 4,
    comparison: "gte",
    valueUnit: "mmol/L",
    limitSource: "default",
    limitSourceRef: null,
    summary: null,
    status: "active",
    conditionActive: true,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedReason: null,
    acknowledgedComment: null,
    resolvedAt: null,
    resolution: null,
    lastEventSeq: 1,
    ...overrides,
  };
}
