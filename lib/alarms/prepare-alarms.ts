import { isParameterCode } from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import type { TAlarmDto } from "./alarm-dto";
import { formatAlarmMessage } from "./format-alarm-message";
import type { TAlarmPriority } from "./rule-schema";

const RANK: Readonly<Record<TAlarmPriority, number>> = { high: 0, medium: 1, low: 2, technical: 3 };

/** Still on the list: raised and not resolved. */
export function isOpen(alarm: Pick<TAlarmDto, "status">): boolean {
  return alarm.status !== "resolved";
}

/**
 * Needs someone: raised and not ACKNOWLEDGED (its condition holds, or it latched). Such an alarm flashes at its
 * priority's rate; an acknowledged one stays on the list, steady.
 */
export function isUnacknowledged(alarm: Pick<TAlarmDto, "status">): boolean {
  return alarm.status === "active" || alarm.status === "latched";
}

/** The alarm list's order: priority (high first), then the newest first within a priority. */
export function sortAlarms(alarms: readonly TAlarmDto[]): TAlarmDto[] {
  return [...alarms].sort(
    (a, b) => RANK[a.priority] - RANK[b.priority] || b.raisedAt - a.raisedAt || a.id.localeCompare(b.id),
  );
}

/**
 * Merges changed alarms into a unit's open list: of two copies of an alarm the one with the higher lastEventSeq
 * wins (so a replay and a live event can arrive in either order), and a resolved alarm leaves the list.
 */
export function mergeAlarms(current: readonly TAlarmDto[], changed: readonly TAlarmDto[]): TAlarmDto[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  for (const alarm of changed) {
    const known = byId.get(alarm.id);
    if (known && known.lastEventSeq >= alarm.lastEventSeq) continue;
    byId.set(alarm.id, alarm);
  }
  return [...byId.values()].filter(isOpen);
}

/** How a bed's tile shows its alarms: the highest priority open, whether it flashes, and the message to show. */
export interface TTileAlarm {
  readonly priority: TAlarmPriority;
  /** High and medium flash while any alarm of that priority is unacknowledged; low and technical never flash. */
  readonly flashing: boolean;
  /** The alarm whose message the tile shows: the highest priority, unacknowledged first, newest first. */
  readonly top: TAlarmDto;
  /** Other open alarms of the bed. */
  readonly others: number;
  /** The parameters the bed's open alarms are about: a full tile never gives their values' room away. */
  readonly parameters: readonly string[];
}

export function prepareTileAlarms(alarms: readonly TAlarmDto[]): Map<string, TTileAlarm> {
  const byBed = new Map<string, TAlarmDto[]>();
  for (const alarm of alarms) {
    if (!isOpen(alarm)) continue;
    byBed.set(alarm.bedId, [...(byBed.get(alarm.bedId) ?? []), alarm]);
  }
  const tiles = new Map<string, TTileAlarm>();
  for (const [bedId, list] of byBed) {
    const ordered = [...list].sort(
      (a, b) =>
        RANK[a.priority] - RANK[b.priority] ||
        Number(isUnacknowledged(b)) - Number(isUnacknowledged(a)) ||
        b.raisedAt - a.raisedAt,
    );
    const top = ordered[0];
    if (!top) continue;
    const flashing =
      (top.priority === "high" || top.priority === "medium") &&
      list.some((a) => a.priority === top.priority && isUnacknowledged(a));
    const parameters = [...new Set(list.flatMap((a) => (a.parameter === null ? [] : [a.parameter])))];
    tiles.set(bedId, { priority: top.priority, flashing, top, others: list.length - 1, parameters });
  }
  return tiles;
}

/** The message of an alarm as next-intl arguments: key under `alarms.message`, and its values printed for the locale. */
export interface TAlarmText {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/** What an alarm's message needs: the stored alarm, or a copy of it (the handover sheet's). */
export type TAlarmTextInput = Pick<
  TAlarmDto,
  "messageKey" | "summary" | "ruleId" | "parameter" | "value" | "limit" | "comparison" | "valueUnit"
>;

/**
 * An elapsed-time alarm whose condition still holds ("No device data for 17.9 s"): its value is the time since the
 * condition began and keeps growing, so a screen prints it from the clock rather than as it was at the raise.
 */
export function isCountingAlarm(alarm: Partial<TAlarmDto>): boolean {
  return alarm.valueUnit === "ms" && alarm.conditionActive === true && alarm.conditionSince !== undefined;
}

/** The alarm's value at `now` (epoch ms): an elapsed time counted on; any other value as stored. */
export function alarmValueAt(alarm: TAlarmTextInput & Partial<TAlarmDto>, now: number | undefined): number | null {
  if (alarm.value === null || now === undefined || !isCountingAlarm(alarm) || alarm.conditionSince === undefined) {
    return alarm.value;
  }
  return Math.max(alarm.value, now - alarm.conditionSince);
}

export function describeAlarm(
  alarm: TAlarmTextInput & Partial<TAlarmDto>,
  locale: TLocale,
  knownKeys: ReadonlySet<string>,
  /** Server time: an elapsed-time alarm is worded as of it (isCountingAlarm); without it, as stored. */
  now?: number,
): TAlarmText {
  const key = knownKeys.has(alarm.messageKey) ? alarm.messageKey : "unknown";
  const summary = alarm.summary ? alarm.summary[locale] : "";
  if (alarm.value === null || alarm.limit === null || alarm.comparison === null || alarm.valueUnit === null) {
    return {
      key,
      values: { summary, rule: alarm.ruleId, parameter: "", value: "", comparison: "", limit: "", unit: "" },
    };
  }
  const { values } = formatAlarmMessage({
    alarm: {
      messageKey: alarm.messageKey,
      parameter: alarm.parameter !== null && isParameterCode(alarm.parameter) ? alarm.parameter : null,
      value: alarmValueAt(alarm, now) ?? alarm.value,
      limit: alarm.limit,
      comparison: alarm.comparison,
      unit: alarm.valueUnit,
    },
    locale,
  });
  return { key, values: { ...values, summary, rule: alarm.ruleId } };
}
