import type { TAlarmState } from "./alarm-state";

export interface TRecordAcknowledgementOptions {
  readonly state: TAlarmState;
  readonly ruleId: string;
  readonly at: number;
}

export type TAcknowledgementOutcome =
  /** The condition still holds: the alarm stays raised, ACKNOWLEDGED (IEC 60601-1-8), and clears with its condition. */
  | "acknowledged"
  /** A latched alarm whose condition had already cleared: acknowledging it ends it. */
  | "ended"
  | "alreadyAcknowledged"
  | "notRaised";

/**
 * Records that someone acknowledged a rule's alarm. Only the state's side of it: who may acknowledge, the audit
 * trail and what the engine stores belong to the server.
 */
export function recordAcknowledgement({ state, ruleId, at }: TRecordAcknowledgementOptions): {
  state: TAlarmState;
  outcome: TAcknowledgementOutcome;
} {
  const alarm = state.rules[ruleId]?.alarm;
  if (!alarm) return { state, outcome: "notRaised" };
  if (alarm.acknowledgedAt !== null) return { state, outcome: "alreadyAcknowledged" };
  const next = structuredClone(state);
  const ruleState = next.rules[ruleId];
  if (!ruleState?.alarm) return { state, outcome: "notRaised" };
  if (!ruleState.alarm.conditionActive) {
    ruleState.alarm = null;
    return { state: next, outcome: "ended" };
  }
  ruleState.alarm.acknowledgedAt = at;
  return { state: next, outcome: "acknowledged" };
}
