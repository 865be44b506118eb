import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { TAlarmPriority } from "@/lib/alarms/rule-schema";
import { SETTING_CODES, SETTING_STEPS, type TParameterCode, type TSettingCode } from "@/lib/catalogue";
import type { TSeriesPoint } from "@/lib/charts/downsample-min-max";

/**
 * What happened at an instant of the episode, marked on the trends: one list of typed events, whatever their origin.
 * Changes of the device settings (read from the observations), alarms raised and rounds signed (read from their
 * tables, GET /api/beds/:bedId/trend-events). A new kind: add a variant here, feed the events to prepareTrendMarkers
 * with the others, and handle the kind in its `describe` switch (exhaustive: TypeScript points at it), in the
 * message catalogue (bedEvents.*.json) and in bed.css. Nothing else changes.
 */
export type TTrendEvent = TSettingChange | TAlarmRaised | TRoundSigned;

/** An alarm raised on the episode, marked at its raise; the marker's colour is its IEC 60601-1-8 priority. */
export interface TAlarmRaised {
  readonly kind: "alarm";
  readonly at: number;
  readonly priority: TAlarmPriority;
  /** The alarm as the station has it: its message, when it ended and when it was ACKNOWLEDGED are read from here. */
  readonly alarm: TAlarmDto;
}

/** A signed nurse round; `abnormal` when at least one answer was abnormal at signature. */
export interface TRoundSigned {
  readonly kind: "round";
  readonly at: number;
  readonly signedBy: string;
  readonly abnormalCount: number;
}

/**
 * The alarms and rounds of a bed's trend-events answer as trend events. Pure; sorted by time (settings first at a tie,
 * then alarms, then rounds, so that markers at one instant keep a stable order).
 */
export function toTrendEvents({
  alarms,
  rounds,
}: {
  alarms: readonly TAlarmDto[];
  rounds: readonly { signedAt: number; signedBy: string; abnormalCount: number }[];
}): (TAlarmRaised | TRoundSigned)[] {
  const events: (TAlarmRaised | TRoundSigned)[] = [
    ...alarms.map((alarm): TAlarmRaised => ({ kind: "alarm", at: alarm.raisedAt, priority: alarm.priority, alarm })),
    ...rounds.map((r): TRoundSigned => ({
      kind: "round",
      at: r.signedAt,
      signedBy: r.signedBy,
      abnormalCount: r.abnormalCount,
    })),
  ];
  return events.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === "alarm" ? -1 : 1));
}

/** A setting the team sets on a device, from the value it held before to the one it holds from `at`. */
export interface TSettingChange {
  readonly kind: "setting";
  readonly at: number;
  readonly parameter: TSettingCode;
  readonly from: number;
  readonly to: number;
}

/**
 * The changes of each setting within the points given (a window's series): a change is a value that differs from
 * the level held since the last change by at least the setting's step, dated by the first point at the new level.
 * The first point of the window sets the level (a change before the window is not in it); a gap keeps the level,
 * so a setting changed while the feed was cut is marked at the first reading after the gap. On a downsampled series
 * (min and max per pixel column, at their own times) a change is dated to within its column: the drawing's own
 * resolution. Pure; sorted by time.
 */
export function detectSettingChanges(
  points: Partial<Record<TParameterCode, readonly TSeriesPoint[]>>,
): TSettingChange[] {
  const changes: TSettingChange[] = [];
  for (const parameter of SETTING_CODES) {
    const step = SETTING_STEPS[parameter];
    let level: number | undefined;
    for (const p of points[parameter] ?? []) {
      if (p.v === null) continue;
      if (level !== undefined && Math.abs(p.v - level) >= step - 1e-9)
        changes.push({ kind: "setting", at: p.t, parameter, from: level, to: p.v });
      if (level === undefined || Math.abs(p.v - level) >= step - 1e-9) level = p.v;
    }
  }
  return changes.sort((a, b) => a.at - b.at || a.parameter.localeCompare(b.parameter));
}
