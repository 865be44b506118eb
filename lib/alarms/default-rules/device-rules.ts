import { CLINICAL_LIMITS, SOURCES } from "@/lib/catalogue";
import { DP_FLOW_BASELINE_WINDOW_MS, DP_FLOW_RISE_FLAG_PCT } from "@/lib/scores/dp-per-flow";
import { SCORE_SOURCES } from "@/lib/scores/sources";
import type { TAlarmRuleInput } from "../rule-schema";
import { ALL_DEVICES, DEVICE_VALIDATION_DELAY_MS, H, S, WITH_ECMO, WITH_IABP } from "./shared";

const device = { validationDelayMs: DEVICE_VALIDATION_DELAY_MS } as const;
const { ecmoFlowLow, nirsLow, nirsDifference } = CLINICAL_LIMITS;

/** Rules on continuous device values (docs/clinical-reference.md §3): ECMO circuit, IABP helium, limb NIRS. */
export const DEVICE_RULES = [
  {
    ...device,
    id: "ecmo-flow-low",
    kind: "threshold",
    deviceTypes: WITH_ECMO,
    priority: "high",
    parameter: "ecmo_flow",
    // "< 2 L/min" as docs/clinical-reference.md §3 words it; the catalogue's target (> 2) marks exactly 2.00 out of
    // target too.
    limit: { comparison: "lt", value: ecmoFlowLow.value },
    hysteresis: 0.1,
    // A dip below 2 L/min that recovers on its own (a kink, chattering) must still be seen by whoever was away.
    latching: true,
    messageKey: "ecmoFlowLow",
    source: SOURCES.clinicalRef,
  },
  {
    ...device,
    id: "ecmo-flow-falling",
    kind: "trend",
    deviceTypes: WITH_ECMO,
    priority: "medium",
    parameter: "ecmo_flow",
    // Consoles report the speed a few /min either side of the set value; flow follows a new speed within seconds.
    trend: { measure: "fallAtSteadySetting", pct: 20, setting: "ecmo_rpm", settingTolerance: 50, settleMs: 30 * S },
    hysteresis: 5,
    latching: false,
    messageKey: "ecmoFlowFalling",
    source: SOURCES.clinicalRules,
  },
  {
    ...device,
    id: "ecmo-drainage-pressure-low",
    kind: "threshold",
    deviceTypes: WITH_ECMO,
    priority: "medium",
    parameter: "ecmo_pven",
    limit: { comparison: "lt", value: -100 },
    hysteresis: 5,
    latching: false,
    messageKey: "ecmoDrainagePressureLow",
    source: SOURCES.clinicalRef,
  },
  {
    ...device,
    id: "ecmo-dp-flow-rise",
    kind: "derived",
    deviceTypes: WITH_ECMO,
    priority: "medium",
    derived: {
      derive: "ratioRiseFromBaseline",
      parameters: ["ecmo_dp", "ecmo_flow"],
      pct: DP_FLOW_RISE_FLAG_PCT,
      baselineWindowMs: DP_FLOW_BASELINE_WINDOW_MS,
      // The baseline moves while it forms; the bed panel already shows the comparison then, marked as forming.
      minBaselineMs: DP_FLOW_BASELINE_WINDOW_MS,
    },
    hysteresis: 5,
    latching: false,
    messageKey: "ecmoDpFlowRise",
    source: SCORE_SOURCES.dpFlow,
  },
  {
    ...device,
    id: "nirs-left-low",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    wholeStay: true,
    priority: "medium",
    parameter: "nirs_left",
    limit: { comparison: "lt", value: nirsLow.value },
    hysteresis: 2,
    latching: false,
    messageKey: "nirsLeftLow",
    source: SOURCES.bonicolini2019,
  },
  {
    ...device,
    id: "nirs-right-low",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    wholeStay: true,
    priority: "medium",
    parameter: "nirs_right",
    limit: { comparison: "lt", value: nirsLow.value },
    hysteresis: 2,
    latching: false,
    messageKey: "nirsRightLow",
    source: SOURCES.bonicolini2019,
  },
  {
    ...device,
    id: "nirs-difference",
    kind: "derived",
    deviceTypes: ALL_DEVICES,
    wholeStay: true,
    priority: "medium",
    // Percentage points of rSO2, as the bed panel flags it.
    derived: { derive: "difference", parameters: ["nirs_left", "nirs_right"], limit: nirsDifference.value },
    hysteresis: 2,
    latching: false,
    messageKey: "nirsDifference",
    source: SOURCES.bonicolini2019,
  },
  {
    id: "dpc-flow-low",
    kind: "threshold",
    deviceTypes: WITH_ECMO,
    priority: "medium",
    parameter: "dpc_flow",
    // Charted with the hourly limb check, each a deliberate reading like a lab result: no delay, no hysteresis band.
    validationDelayMs: 0,
    limit: { comparison: "lt", value: 100 },
    hysteresis: 0,
    latching: false,
    messageKey: "dpcFlowLow",
    source: SOURCES.bonicolini2019,
  },
  {
    ...device,
    id: "helium-low",
    kind: "threshold",
    deviceTypes: WITH_IABP,
    // A console uses a fraction of a point an hour (the simulator models 0.15 %/h): 20 % leaves days to change it.
    priority: "low",
    // A reserve moves slowly and a nurse charts it once an hour in a round: one reading under the limit is a fact,
    // where a device delay would wait for the next round (the hysteresis keeps a console's value from flapping).
    validationDelayMs: 0,
    parameter: "helium_level",
    limit: { comparison: "lt", value: 20 },
    hysteresis: 2,
    latching: false,
    messageKey: "heliumLow",
    source: SOURCES.frenchIabp,
  },
  {
    ...device,
    id: "helium-falling",
    kind: "trend",
    deviceTypes: WITH_IABP,
    priority: "medium",
    parameter: "helium_level",
    // 3 points in an hour is many times a console's own use (0.15 %/h in the simulator): a leak, not consumption.
    trend: { measure: "fallWithinWindow", by: 3, windowMs: H },
    hysteresis: 1,
    latching: false,
    messageKey: "heliumFalling",
    source: SOURCES.frenchIabp,
  },
] satisfies TAlarmRuleInput[];
