import { CLINICAL_LIMITS } from "@/lib/catalogue";
import type { TAlarmSection, THandoverData, TIllnessSeverity, TRoundSection, TSeverityReason } from "./handover-data";

type TInput = Pick<THandoverData, "episode" | "settings" | "labs" | "trends" | "timers" | "coversUntil"> & {
  alarms: TAlarmSection;
  rounds: TRoundSection;
};

const RANK: Record<TIllnessSeverity, number> = { stable: 0, watcher: 1, unstable: 2 };

/**
 * The illness severity the data suggests (I-PASS "I"), with every reason shown, from the thresholds of
 * docs/clinical-reference.md §2–§3 as the catalogue holds them (most are the limits the alarm rules raise at):
 * a suggestion the outgoing nurse confirms or overrides, never a verdict.
 *  - unstable: lactate ≥ 4 mmol/L; ECMO flow < 2 L/min; balloon stopped; a high-priority alarm still active.
 *  - watcher: lactate ≥ 2 or rising ≥ 0.5 during the shift; a lab out of target or overdue; MAP < 65 mmHg; limb
 *    NIRS < 50 % or ≥ 20 points between legs; a setting changed; medium/high alarms raised; rounds missed or
 *    abnormal findings.
 *  - stable: none of these.
 * Device values use the last reading of the period covered; labs their value at its end.
 */
export function suggestSeverity(input: TInput): { suggested: TIllnessSeverity; reasons: TSeverityReason[] } {
  const reasons: TSeverityReason[] = [];
  const add = (code: TSeverityReason["code"], level: TIllnessSeverity, params: TSeverityReason["params"] = {}) =>
    reasons.push({ code, level, params });
  const lastOf = (code: string) =>
    input.trends.find((t) => t.code === code)?.last ?? input.settings.current.find((s) => s.code === code) ?? null;

  const { lactateHigh, lactateRaised, lactateRise, ecmoFlowLow, mapLow, nirsLow, nirsDifference } = CLINICAL_LIMITS;

  const lactate = input.labs.find((l) => l.code === "lactate");
  if (lactate?.end) {
    const params = { value: lactate.end.value, at: lactate.end.observedAt };
    if (lactate.end.value >= lactateHigh.value) add("lactate_high", "unstable", params);
    else if (lactate.end.value >= lactateRaised.value) add("lactate_raised", "watcher", params);
    if (lactate.delta !== null && lactate.delta >= lactateRise.value)
      add("lactate_rising", "watcher", { ...params, delta: lactate.delta });
  }

  const flow = lastOf("ecmo_flow");
  if (flow && flow.value < ecmoFlowLow.value) add("flow_low", "unstable", { value: flow.value, at: flow.observedAt });
  const stopped = input.timers.find((t) => t.kind === "balloon_stopped");
  if (stopped) add("balloon_stopped", "unstable", { since: stopped.since });
  if (input.alarms.available) {
    const high = input.alarms.active.filter((a) => a.priority === "high");
    if (high.length > 0) add("high_alarm_active", "unstable", { count: high.length });
    const raised = input.alarms.counts.high + input.alarms.counts.medium;
    if (raised > 0)
      add("alarms_raised", "watcher", { high: input.alarms.counts.high, medium: input.alarms.counts.medium });
  }

  const map = lastOf("map");
  if (map && map.value < mapLow.value) add("map_low", "watcher", { value: map.value, at: map.observedAt });
  const left = lastOf("nirs_left");
  const right = lastOf("nirs_right");
  for (const [side, nirs] of [
    ["left", left],
    ["right", right],
  ] as const) {
    if (nirs && nirs.value < nirsLow.value)
      add("nirs_low", "watcher", { side, value: nirs.value, at: nirs.observedAt });
  }
  if (left && right && Math.abs(left.value - right.value) >= nirsDifference.value) {
    add("nirs_asymmetry", "watcher", {
      difference: Math.round(Math.abs(left.value - right.value)),
      at: Math.max(left.observedAt, right.observedAt),
    });
  }

  for (const lab of input.labs) {
    if (lab.end && (lab.end.status === "low" || lab.end.status === "high") && lab.code !== "lactate") {
      add("lab_out_of_target", "watcher", {
        code: lab.code,
        value: lab.end.value,
        status: lab.end.status,
        at: lab.end.observedAt,
      });
    }
    if (lab.nextDueAt !== null && lab.nextDueAt <= input.coversUntil)
      add("lab_overdue", "watcher", { code: lab.code, dueAt: lab.nextDueAt });
  }
  if (input.settings.changes.length > 0) add("settings_changed", "watcher", { count: input.settings.changes.length });
  if (input.rounds.available) {
    if (input.rounds.missed > 0 || input.rounds.shiftItemsMissed)
      add("rounds_missed", "watcher", { count: input.rounds.missed });
    if (input.rounds.abnormal.length > 0) add("abnormal_findings", "watcher", { count: input.rounds.abnormal.length });
  }

  if (reasons.length === 0) add("no_finding", "stable");
  const suggested = reasons.reduce<TIllnessSeverity>(
    (worst, r) => (RANK[r.level] > RANK[worst] ? r.level : worst),
    "stable",
  );
  // The strongest reasons first: they are the ones a reader must not miss.
  reasons.sort((a, b) => RANK[b.level] - RANK[a.level]);
  return { suggested, reasons };
}
