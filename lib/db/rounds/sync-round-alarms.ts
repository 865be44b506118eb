import type { TCheckedAnswer } from "@/lib/rounds/answers";
import { findingSummary } from "@/lib/rounds/finding-summary";
import type { TRoundTemplateItem } from "@/lib/rounds/template";
import { clearExternalAlarm } from "../alarms/clear-external-alarm";
import { raiseExternalAlarm } from "../alarms/raise-external-alarm";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";

/** The alarm rule of a round's abnormal finding, one open alarm per episode and item (docs/alarms.md). */
export const ROUND_FINDING_RULE = "round-abnormal-finding";
const ORIGIN = "rounds";

type TTx = Pick<Db, "alarm" | "alarmEvent" | "auditEvent" | "supportEpisode" | "stay">;

/**
 * Brings the bed's round alarms in line with the answers just recorded, in the caller's transaction: an abnormal
 * answer raises (or keeps) its item's alarm, a normal one clears it. MEDIUM priority: a nurse's abnormal finding on a
 * patient with a femoral cannula or balloon (a weak pulse, a bleeding puncture site) asks for a prompt look by
 * someone else, which is what IEC 60601-1-8 means by medium; it is not the immediate response high priority asks
 * for, which stays with the engine's physiological rules. An amendment that corrects an answer recorded in error
 * withdraws the alarm rather than clearing it.
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
}): Promise<void> {
  for (const answer of answers) {
    const item = items.find((i) => i.itemId === answer.itemId);
    if (!item) continue;
    if (answer.abnormal) {
      await raiseExternalAlarm({
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
    } else {
      await clearExternalAlarm({
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
    }
  }
}
