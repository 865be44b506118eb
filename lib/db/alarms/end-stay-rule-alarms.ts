import { alarmOpenKey } from "@/lib/alarms/external-alarm-schema";
import { appendAlarmEvent, type TAlarmDb } from "./append-alarm-event";

/**
 * Ends a stay's open engine alarms of rules that no longer apply, because the support they watch has ended (an IABP
 * rule once the balloon is out): resolution "episode-ended", as an outside raiser's alarms of the episode. The alarms
 * of rules judged for the whole stay are not asked (a lactate alarm goes on). In the engine's transaction, with the
 * state that forgets those rules.
 */
export async function endStayRuleAlarms({
  db,
  stayId,
  ruleIds,
  now,
}: {
  db: TAlarmDb;
  stayId: string;
  ruleIds: readonly string[];
  now: Date;
}): Promise<void> {
  for (const ruleId of ruleIds) {
    const open = await db.alarm.findUnique({
      where: { openKey: alarmOpenKey(stayId, ruleId, "") },
      select: { id: true, unitId: true, bedId: true, ruleId: true, origin: true },
    });
    if (!open || open.origin !== "engine") continue;
    await db.alarm.update({
      where: { id: open.id },
      data: { status: "resolved", openKey: null, conditionActive: false, resolvedAt: now, resolution: "episode-ended" },
    });
    await appendAlarmEvent({
      db,
      alarm: { ...open, status: "resolved" },
      type: "episode-ended",
      at: now,
      actor: null,
      context: null,
    });
  }
}
