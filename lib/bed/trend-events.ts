import type { TParameterCode } from "@/lib/catalogue";
import type { TSeriesPoint } from "@/lib/charts/downsample-min-max";

/**
 * What happened at an instant of the episode, marked on the trends: one list of typed events, whatever their origin.
 * Today: changes of the device settings, read from the observations. To add alarms or rounds (their tables are being
 * built alongside), add a variant here (e.g. `{ kind: "alarm"; at; priority: "HIGH" | "MEDIUM" | "LOW"; label }`),
 * feed the events to prepareTrendMarkers with the others, and handle the kind in its `describe` switch (exhaustive:
 * TypeScript points at it) and in the message catalogue (bedEvents.*.json). Nothing else changes.
 */
export type TTrendEvent = TSettingChange;

/** A setting the team sets on a device, from the value it held before to the one it holds from `at`. */
export interface TSettingChange {
  readonly kind: "setting";
  readonly at: number;
  readonly parameter: TSettingCode;
  readonly from: number;
  readonly to: number;
}

/**
 * The settings whose changes are marked, each with the smallest difference that is a change. Pump speed is measured
 * with a few rpm of noise (a speed step is tens to hundreds of rpm); the others are reported exactly as set, so one
 * displayed unit is a change. IABP pumping (0/1) is here because a stopped balloon is the team's act too.
 */
export const SETTING_STEPS = {
  ecmo_rpm: 50,
  ecmo_sweep: 0.1,
  ecmo_fdo2: 1,
  iabp_ratio: 1,
  iabp_pumping: 1,
} as const satisfies Partial<Record<TParameterCode, number>>;
export type TSettingCode = keyof typeof SETTING_STEPS;
export const SETTING_CODES = Object.keys(SETTING_STEPS) as readonly TSettingCode[];

/**
 * The changes of each setting within the points given (a window's series): a change is a value that differs from
 * the level held since the last change by at least the setting's step, dated by the first point at the new level.
 * The first point of the window sets the level (a change before the window is not in it); a gap keeps the level,
 * so a setting changed while the feed was cut is marked at the first reading after the gap. On a downsampled series
 * (min and max per pixel column, at their own times) a change is dated to within its column: the drawing's own
 * resolution. Pure; sorted by time.
 */
export function detectSettingChanges(points: Partial<Record<TParameterCode, readonly TSeriesPoint[]>>): TSettingChange[] {
  const changes: TSettingChange[] = [];
  for (const parameter of SETTING_CODES) {
    const step = SETTING_STEPS[parameter];
    let level: number | undefined;
    for (const p of points[parameter] ?? []) {
      if (p.v === null) continue;
      if (level !== undefined && Math.abs(p.v - level) >= step - 1e-9) changes.push({ kind: "setting", at: p.t, parameter, from: level, to: p.v });
      if (level === undefined || Math.abs(p.v - level) >= step - 1e-9) level = p.v;
    }
  }
  return changes.sort((a, b) => a.at - b.at || a.parameter.localeCompare(b.parameter));
}
