import { appendAlarmEvent } from "./append-alarm-event";
import { clearExternalAlarmRow, type TClearExternalAlarmOptions } from "./clear-external-alarm-row";

/**
 * Ends an alarm an outside raiser opened (the finding is normal again, or was recorded in error), in the caller's
 * transaction: its row, then its event. Returns the event's seq, or null when no such alarm is open (already ended:
 * nothing to do). A caller writing several alarms writes their rows first (clearExternalAlarmRow).
 */
export async function clearExternalAlarm(options: TClearExternalAlarmOptions): Promise<number | null> {
  const event = await clearExternalAlarmRow(options);
  return event === null ? null : appendAlarmEvent(event);
}
