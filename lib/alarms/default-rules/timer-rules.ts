import { CLINICAL_LIMITS, getParameter, SOURCES, type TDeviceType, type TParameterCode } from "@/lib/catalogue";
import type { TAlarmRuleInput } from "../rule-schema";
import { ALARM_SOURCES } from "../sources";
import { ALL_DEVICES, WITH_ECMO, WITH_IABP } from "./shared";

/** Overdue once older than the catalogue's expected interval (docs/clinical-reference.md §2). */
function labOverdue(parameter: TParameterCode, id: string, messageKey: string, deviceTypes: TDeviceType[]) {
  return {
    id,
    kind: "absence",
    deviceTypes,
    // Awareness: a sample to draw at the next opportunity.
    priority: "low",
    validationDelayMs: 0,
    parameter,
    maxAgeMs: getParameter(parameter).expectedIntervalSec * 1000,
    latching: false,
    messageKey,
    source: SOURCES.clinicalRef,
  } satisfies TAlarmRuleInput;
}

/**
 * Rules judged against the clock (evaluateTimers): a result that has not come, a silent feed, a balloon lying still.
 * Anti-Xa's rule is medium priority, on the catalogue's 12 h interval (docs/clinical-reference.md §3). The overdue
 * labs are the daily bloods of docs/clinical-reference.md §5: Hb, platelets and lactate for every patient, fibrinogen
 * and LDH in the VA-ECMO data review.
 */
export const TIMER_RULES = [
  {
    id: "anti-xa-overdue",
    kind: "absence",
    deviceTypes: ALL_DEVICES,
    // An unmeasured anticoagulation is worth a prompt response.
    priority: "medium",
    validationDelayMs: 0,
    parameter: "anti_xa",
    // The catalogue's anti-Xa interval is this 12 h (one home, which the handover's "next due" reads too).
    maxAgeMs: getParameter("anti_xa").expectedIntervalSec * 1000,
    latching: false,
    messageKey: "antiXaOverdue",
    source: SOURCES.clinicalRules,
    // Anti-Xa measures heparin's effect: with the infusion stopped there is nothing to monitor (issue 15).
    whileHeparinRuns: true,
  },
  {
    ...labOverdue("lactate", "lactate-overdue", "lactateOverdue", ALL_DEVICES),
    // "2–4 h when ≥ 2, else 6–8 h": the catalogue's 8 h, and the upper end of 2–4 h once the last sample was ≥ 2.
    shorterWhenAtLeast: {
      value: CLINICAL_LIMITS.lactateRaised.value,
      maxAgeMs: CLINICAL_LIMITS.lactateRaisedInterval.value,
    },
  },
  labOverdue("platelets", "platelets-overdue", "plateletsOverdue", ALL_DEVICES),
  labOverdue("hemoglobin", "hemoglobin-overdue", "hemoglobinOverdue", ALL_DEVICES),
  labOverdue("fibrinogen", "fibrinogen-overdue", "fibrinogenOverdue", WITH_ECMO),
  labOverdue("ldh", "ldh-overdue", "ldhOverdue", WITH_ECMO),
  {
    id: "device-feed-stale",
    kind: "technical",
    deviceTypes: ALL_DEVICES,
    priority: "technical",
    // The staleness factor is itself the delay.
    validationDelayMs: 0,
    technical: { condition: "feedStale", staleFactor: CLINICAL_LIMITS.staleFactor.value },
    latching: false,
    messageKey: "deviceFeedStale",
    source: ALARM_SOURCES.iec60601,
  },
  {
    id: "iabp-pump-stopped",
    kind: "technical",
    deviceTypes: WITH_IABP,
    // The console's state, but the danger is the patient's: thrombus on a balloon lying still in the aorta.
    priority: "high",
    validationDelayMs: 0,
    technical: {
      condition: "stoppedLongerThan",
      parameter: "iabp_pumping",
      stoppedValue: 0,
      limitMs: CLINICAL_LIMITS.pumpStopped.value,
    },
    // A stop of 25 min that ended must still be seen: the balloon lay still longer than it should have.
    latching: true,
    messageKey: "iabpPumpStopped",
    source: SOURCES.frenchIabp,
  },
] satisfies TAlarmRuleInput[];
