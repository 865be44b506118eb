import type { TCheckedAnswer } from "@/lib/rounds/answers";
import { findingSummary } from "@/lib/rounds/finding-summary";
import type { TRoundTemplateItem } from "@/lib/rounds/template";
import type { TAppendAlarmEvent } from "../alarms/append-alarm-event";
import { clearExternalAlarmRow } from "../alarms/clear-external-alarm-row";
import { raiseExternalAlarmRow } from "../alarms/raise-external-alarm-row";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";

/** The alarm rule of a round's abnormal finding, one open alarm per episode and item (docs/alarms.md). */
export const ROUND_FINDING_RULE = "round-abnormal-finding";
const ORIGIN = "rounds";

type TTx = Pick<Db, "alarm" | "alarmEvent" | "auditEvent" | "supportEpisode" | "stay" | "$queryRaw">;

/**
 * Brings the bed's round alarms in line with the answers just recorded, in the caller's transaction: an abnormal
 * answer raises (or keeps) its item's alarm, a normal one clears it. MEDIUM priority: a nurse's abnormal finding on a
 * patient with a femoral cannula or balloon (a weak pulse, a bleeding puncture site) asks for a prompt look by
 * someone else, which is what IEC 60601-1-8 means by medium; it is not the immediate response high priority asks
 * for, which stays with the engine's physiological rules. An amendment that corrects an answer recorded in error
 * withdraws the alarm rather than clearing it.
 *
 * Writes the alarm rows only and answers their events, in the answers' order, which the caller appends after its last
 * row write and after its readings: their INSERT and the first event take the log-order lock, and a transaction
 * holding it must not then wait for an alarm row, which a nurse acknowledging that alarm holds while waiting for the
 * lock (deadlock detected; docs/deployment-database.md, "Lock order").
 */
export async function syncRoundAlarms({
  db,
  episodeId,
  roundId,
  items,
  answers,
  actor,
  context,
  correction = false,
  now,
}: {
  db: TTx;
  episodeId: string;
  roundId: string;
  items: readonly TRoundTemplateItem[];
  answers: readonly TCheckedAnswer[];
  actor: TAuditActor;
  context: TRequestContext | null;
  /** An amendment: a finding turned normal was recorded in error (withdrawn), not resolved at the bedside. */
  correction?: boolean;
  now: Date;
}): Promise<TAppendAlarmEvent[]> {
  const events: TAppendAlarmEvent[] = [];
  for (const answer of answers) {
    const item = items.find((i) => i.itemId === answer.itemId);
    if (!item) continue;
    if (answer.abnormal) {
      const { event } = await raiseExternalAlarmRow({
        db,
        origin: ORIGIN,
        actor,
        context,
        now,
        input: {
          episodeId,
          ruleId: ROUND_FINDING_RULE,
          subjectKey: item.itemId,
          priority: "medium",
          messageKey: "roundAbnormalFinding",
          summary: findingSummary(item, answer),
          refs: { roundId, itemId: item.itemId },
        },
      });
      if (event) events.push(event);
    } else {
      const event = await clearExternalAlarmRow({
        db,
        origin: ORIGIN,
        actor,
        context,
        now,
        input: {
          episodeId,
          ruleId: ROUND_FINDING_RULE,
          subjectKey: item.itemId,
          resolution: correction ? "withdrawn" : "cleared",
        },
      });
      if (event) events.push(event);
    }
  }
  return events;
}
