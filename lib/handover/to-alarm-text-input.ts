import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import type { TAlarmTextInput } from "@/lib/alarms/prepare-alarms";
import { ZComparison } from "@/lib/alarms/rule-schema";
import type { TAlarmSection } from "./handover-data";

type THandoverAlarm = Extract<TAlarmSection, { available: true }>["raised"][number];

/**
 * A handover alarm as the station's alarm wording takes it (useAlarmText): the sheet reads "NIRS left/right
 * difference 20 ≥ 20 points", as the station's list does, never a parameter label glued to another quantity or a rule
 * id. A sheet frozen before the message key was kept finds it from its rule.
 */
export function toAlarmTextInput(alarm: THandoverAlarm): TAlarmTextInput {
  const comparison = ZComparison.safeParse(alarm.comparison);
  return {
    messageKey:
      alarm.messageKey ?? DEFAULT_ALARM_RULES.find((r) => r.id === alarm.ruleId)?.messageKey ?? fallbackKey(alarm),
    summary: alarm.summary ?? null,
    ruleId: alarm.ruleId,
    parameter: alarm.parameter,
    value: alarm.value,
    limit: alarm.limit,
    comparison: comparison.success ? comparison.data : null,
    valueUnit: alarm.valueUnit,
  };
}

/** The outside raisers' findings a sheet may have frozen without their key (docs/alarms.md). */
const OUTSIDE_KEYS: Readonly<Record<string, string>> = {
  "round-abnormal-finding": "roundAbnormalFinding",
  "limb-check-abnormal": "limbCheckAbnormal",
};

function fallbackKey(alarm: THandoverAlarm): string {
  return OUTSIDE_KEYS[alarm.ruleId] ?? "unknown";
}
