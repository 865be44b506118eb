import { appendAlarmEvent } from "./append-alarm-event";
import { raiseExternalAlarmRow, type TRaiseExternalAlarmOptions } from "./raise-external-alarm-row";

export interface TRaisedExternalAlarm {
  alarmId: string;
  /** The AlarmEvent that announces it; null when the same alarm was already open (nothing written). */
  eventSeq: number | null;
}

/**
 * Raises an alarm from outside the engine, e.g. a laboratory result that could not be read, in the caller's
 * transaction: its row, then its event. Idempotent on (episode or stay, rule, subject): while that alarm is open,
 * raising it again returns it unchanged. The screens learn of it from the AlarmEvent log, which the server's change
 * feed reads after commit. A caller writing several alarms writes their rows first (raiseExternalAlarmRow).
 */
export async function raiseExternalAlarm(options: TRaiseExternalAlarmOptions): Promise<TRaisedExternalAlarm> {
  const { alarmId, event } = await raiseExternalAlarmRow(options);
  return { alarmId, eventSeq: event === null ? null : await appendAlarmEvent(event) };
}
