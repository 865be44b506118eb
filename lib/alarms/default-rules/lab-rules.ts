import { CLINICAL_LIMITS, SOURCES } from "@/lib/catalogue";
import { SCORE_SOURCES } from "@/lib/scores/sources";
import type { TAlarmRuleInput } from "../rule-schema";
import { ALL_DEVICES, LAB_HYSTERESIS, LAB_VALIDATION_DELAY_MS, WITH_ECMO } from "./shared";

const lab = { validationDelayMs: LAB_VALIDATION_DELAY_MS, hysteresis: LAB_HYSTERESIS } as const;
const { lactateRaised, lactateHigh, lactateRise, antiXaHold, hemoglobinLow, fibrinogenLow, freeHbHigh, ldhHigh } =
  CLINICAL_LIMITS;

/**
 * Rules on lab results (docs/clinical-reference.md §3): lactate, anti-Xa, platelets, haemoglobin, fibrinogen and the
 * haemolysis markers of the VA-ECMO circuit (free haemoglobin, LDH).
 */
export const LAB_RULES = [
  {
    ...lab,
    id: "lactate-medium",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    priority: "medium",
    family: "lactate",
    parameter: "lactate",
    limit: { comparison: "gte", value: lactateRaised.value },
    latching: false,
    messageKey: "lactateMedium",
    source: SOURCES.scai2019,
  },
  {
    ...lab,
    id: "lactate-high",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    priority: "high",
    family: "lactate",
    parameter: "lactate",
    limit: { comparison: "gte", value: lactateHigh.value },
    latching: false,
    messageKey: "lactateHigh",
    source: SOURCES.clinicalRules,
  },
  {
    ...lab,
    id: "lactate-rising",
    kind: "trend",
    deviceTypes: ALL_DEVICES,
    // An early warning below the level rules, which already raise medium and high: awareness, not action.
    priority: "low",
    parameter: "lactate",
    trend: { measure: "riseBetweenSamples", by: lactateRise.value },
    latching: false,
    messageKey: "lactateRising",
    source: SOURCES.clinicalRules,
  },
  {
    ...lab,
    id: "anti-xa-hold-heparin",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    // ELSO's "hold heparin" level: bleeding risk now, an action to take, above the medium out-of-target alarm.
    priority: "high",
    family: "anti-xa",
    parameter: "anti_xa",
    limit: { comparison: "gt", value: antiXaHold.value },
    latching: false,
    messageKey: "antiXaHoldHeparin",
    source: antiXaHold.source,
  },
  {
    ...lab,
    id: "anti-xa-out-of-target",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    priority: "medium",
    family: "anti-xa",
    parameter: "anti_xa",
    // The limits and their source come from the catalogue's target for the device (ELSO on ECMO, French IABP protocol).
    limit: { comparison: "outsideTarget" },
    latching: false,
    messageKey: "antiXaOutOfTarget",
    source: SOURCES.elso2021,
  },
  {
    ...lab,
    id: "platelets-low",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    priority: "medium",
    parameter: "platelets",
    limit: { comparison: "lt", value: 50 },
    latching: false,
    messageKey: "plateletsLow",
    source: SOURCES.clinicalRef,
  },
  {
    ...lab,
    id: "platelets-fall-from-peak",
    kind: "trend",
    deviceTypes: ALL_DEVICES,
    priority: "medium",
    parameter: "platelets",
    // The definition of lib/scores/platelet-fall.ts: > 50 %, or > 30 % on days 5–10 after heparin started.
    trend: { measure: "fallFromPeak", pct: 50, early: { pct: 30, fromDay: 5, toDay: 10 } },
    // The HIT screen is a task: a later count that recovers must not withdraw it before someone has seen it.
    latching: true,
    prompt: "fourTsScreen",
    messageKey: "plateletsFallFromPeak",
    source: SCORE_SOURCES.hit,
  },
  {
    ...lab,
    id: "hemoglobin-low",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    priority: "medium",
    parameter: "hemoglobin",
    limit: { comparison: "lt", value: hemoglobinLow.value },
    latching: false,
    messageKey: "hemoglobinLow",
    source: hemoglobinLow.source,
  },
  {
    ...lab,
    id: "fibrinogen-low",
    kind: "threshold",
    deviceTypes: ALL_DEVICES,
    priority: "medium",
    parameter: "fibrinogen",
    limit: { comparison: "lt", value: fibrinogenLow.value },
    latching: false,
    messageKey: "fibrinogenLow",
    source: fibrinogenLow.source,
  },
  {
    ...lab,
    id: "free-hb-high",
    kind: "threshold",
    deviceTypes: WITH_ECMO,
    // Haemolysis: the circuit (pump head, oxygenator) is to be checked today, not this minute.
    priority: "medium",
    parameter: "free_hb",
    limit: { comparison: "gt", value: freeHbHigh.value },
    latching: false,
    messageKey: "freeHbHigh",
    source: freeHbHigh.source,
  },
  {
    ...lab,
    id: "ldh-rising",
    kind: "trend",
    deviceTypes: WITH_ECMO,
    priority: "medium",
    parameter: "ldh",
    trend: { measure: "riseAboveLevel", level: ldhHigh.value },
    latching: false,
    messageKey: "ldhRising",
    source: ldhHigh.source,
  },
] satisfies TAlarmRuleInput[];
