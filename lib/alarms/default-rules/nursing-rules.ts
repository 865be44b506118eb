import { CLINICAL_LIMITS } from "@/lib/catalogue";
import type { TAlarmRuleInput } from "../rule-schema";
import { ALL_DEVICES } from "./shared";

const { urineOutputLow, urineOutputWindow } = CLINICAL_LIMITS;

/** Rules on what nurses chart (docs/clinical-reference.md §3): urine output, charted hourly in the rounds. */
export const NURSING_RULES = [
  {
    id: "urine-output-low",
    kind: "trend",
    deviceTypes: ALL_DEVICES,
    wholeStay: true,
    // Oliguria: a sign of low output or of the kidney, for the next hour, not this minute.
    priority: "medium",
    // Each charted volume is an hour's: the window itself is the validation.
    validationDelayMs: 0,
    parameter: "urine_output",
    trend: { measure: "meanPerKgWithinWindow", perKg: urineOutputLow.value, windowMs: urineOutputWindow.value },
    hysteresis: 0,
    latching: false,
    messageKey: "urineOutputLow",
    source: urineOutputLow.source,
  },
] satisfies TAlarmRuleInput[];
