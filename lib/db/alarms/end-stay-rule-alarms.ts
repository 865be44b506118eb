import { alarmOpenKey } from "@/lib/alarms/external-alarm-schema";
import type { TAlarmDb, TAppendAlarmEvent } from "./append-alarm-event";

/**
 * Ends a stay's open engine alarms of rules that no longer apply, because the support they watch has ended (an IABP
 * rule once the balloon is out): resolution "episode-ended", as an outside raiser's alarms of the episode. The alarms
 * of rules judged for the whole stay are not asked (a lactate alarm goes on). In the engine's transaction, with the
 * state that forgets those rules (applyAlarmTransitions' `ending`).
 *
 * Writes the alarm rows only and answers their events, which the caller appends after its last alarm row: the first
 * event takes the log-order lock, and a transaction holding it must not then wait for an alarm row, which an
 * acknowledgement holds while it waits for that lock (docs/deployment-database.md, "Lock order").
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
}): Promise<TAppendAlarmEvent[]> {
  const events: TAppendAlarmEvent[] = [];
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
    events.push({
      db,
      alarm: { id: open.id, unitId: open.unitId, bedId: open.bedId, ruleId: open.ruleId, status: "resolved" },
      type: "episode-ended",
      at: now,
      actor: null,
      context: null,
    });
  }
  return events;
}
