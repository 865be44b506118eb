import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { TBedTrendEvents } from "./bed-trend-events";

/** Whose alarms a bed's trends mark: the running episode's, or with no support running the open stay's. */
export type TTrendOwner = { readonly episodeId: string } | { readonly stayId: string };

/**
 * A window's events with the alarms of an `alarm:changed` message folded in: an alarm already there is replaced by
 * its newer state (ACKNOWLEDGED, ended); a new one of what the view covers (the running episode, or with no support
 * running the open stay: bed-scope.ts) is added when it was raised within the window (`live`: from the window's start on, since a live window's end is the moving present). Others are ignored:
 * another bed's, another episode's, or outside a fixed window. Pure; the same object back when nothing changed, so
 * that react-query does not re-render for another bed's alarm.
 */
export function mergeTrendAlarms(
  events: TBedTrendEvents,
  alarms: readonly TAlarmDto[],
  { bedId, owner, live }: { bedId: string; owner: TTrendOwner; live: boolean },
): TBedTrendEvents {
  const byId = new Map(events.alarms.map((a) => [a.id, a]));
  let changed = false;
  for (const alarm of alarms) {
    if (alarm.bedId !== bedId) continue;
    if ("episodeId" in owner ? alarm.episodeId !== owner.episodeId : alarm.stayId !== owner.stayId) continue;
    const inWindow = alarm.raisedAt >= events.from && (live || alarm.raisedAt <= events.to);
    if (!byId.has(alarm.id) && !inWindow) continue;
    byId.set(alarm.id, alarm);
    changed = true;
  }
  if (!changed) return events;
  const merged = [...byId.values()].sort((a, b) => a.raisedAt - b.raisedAt || a.id.localeCompare(b.id));
  return { ...events, alarms: merged, to: live ? Math.max(events.to, ...merged.map((a) => a.raisedAt)) : events.to };
}
