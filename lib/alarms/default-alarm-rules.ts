import { DEVICE_RULES } from "./default-rules/device-rules";
import { LAB_RULES } from "./default-rules/lab-rules";
import { NURSING_RULES } from "./default-rules/nursing-rules";
import { TIMER_RULES } from "./default-rules/timer-rules";
import { type TAlarmRule, ZAlarmRuleSet } from "./rule-schema";

/**
 * The default rules of docs/clinical-reference.md §3, each with its source. Defaults only: a unit may change them, and
 * the screen shows which value and source are in force. Parsed when the module loads, so that a bad default fails
 * loudly at start-up rather than silently never raising.
 */
export const DEFAULT_ALARM_RULES: readonly TAlarmRule[] = ZAlarmRuleSet.parse([
  ...LAB_RULES,
  ...NURSING_RULES,
  ...DEVICE_RULES,
  ...TIMER_RULES,
]);
