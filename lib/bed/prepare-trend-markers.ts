import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import { ruleInputs } from "@/lib/alarms/rule-inputs";
import { getParameter, type TDeviceType } from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { TTrendChartSpec } from "./trend-charts";
import type { TTrendEvent } from "./trend-events";

/** One line of a marker's text; the screen words it through the catalogue (bedEvents.marker.*). */
export type TMarkerItem =
  | { readonly kind: "value"; readonly label: string; readonly from: string; readonly to: string }
  | { readonly kind: "pumpingStopped" }
  | { readonly kind: "pumpingResumed" }
  /** Worded by the alarm's own message (components/alarms/AlarmText), with how it stands now. */
  | { readonly kind: "alarm"; readonly alarm: TAlarmDto; readonly state: TAlarmMarkerState }
  | { readonly kind: "round"; readonly signedBy: string; readonly abnormalCount: number };

/** How an alarm stands, for its marker's words: still on (and whether ACKNOWLEDGED), or ended. */
export type TAlarmMarkerState = "active" | "acknowledged" | "ended";

/**
 * What a marker's colour says beyond its kind: an alarm's priority (the IEC colours of the station), a round
 * normal or with an abnormal finding; null for a settings change.
 */
export type TMarkerTone = "high" | "medium" | "low" | "technical" | "normal" | "abnormal" | null;

export interface TTrendMarker {
  readonly at: number;
  /** Position across the plot, 0 (left edge, `from`) to 1 (right edge, `to`). */
  readonly x: number;
  readonly kind: TTrendEvent["kind"];
  readonly tone: TMarkerTone;
  /** Events of one kind and tone at the same instant share one marker. */
  readonly items: readonly TMarkerItem[];
}

/** The chart the markers are drawn on, and the episode's device type (which parameters a stale feed concerns). */
export interface TMarkerChart {
  readonly spec: Pick<TTrendChartSpec, "parameters" | "source">;
  readonly deviceType: TDeviceType | null;
}

/**
 * The markers of a chart's window: events within [from, to], those at the same instant (a new ECMO setting often
 * changes sweep and FdO2 together) gathered in one marker, each described with the catalogue's short label and
 * its values as the panels print them. Given the chart, only the events that belong on it (see belongsOn); without
 * one, every event. Pure.
 */
export function prepareTrendMarkers(
  events: readonly TTrendEvent[],
  { from, to, locale, chart }: { from: number; to: number; locale: TLocale; chart?: TMarkerChart },
): TTrendMarker[] {
  const markers = new Map<string, { at: number; kind: TTrendEvent["kind"]; tone: TMarkerTone; items: TMarkerItem[] }>();
  for (const event of events) {
    if (event.at < from || event.at > to) continue;
    if (chart && !belongsOn(event, chart)) continue;
    const tone = toneOf(event);
    const key = `${event.kind}|${tone ?? ""}|${event.at}`;
    const marker = markers.get(key) ?? { at: event.at, kind: event.kind, tone, items: [] };
    marker.items.push(describe(event, locale));
    markers.set(key, marker);
  }
  const span = Math.max(1, to - from);
  // Within an instant, the most urgent last: later in the page, a high-priority alarm is drawn over the rest.
  return [...markers.values()]
    .sort((a, b) => a.at - b.at || TONE_RANK[a.tone ?? "null"] - TONE_RANK[b.tone ?? "null"])
    .map((m) => ({ ...m, x: (m.at - from) / span }));
}

/**
 * An alarm belongs on the charts of the parameters its rule judges (a lactate alarm on the lactate chart, not on pump
 * speed; a flow fall at unchanged RPM on both flow and RPM; a stale feed on every device chart); an alarm of no
 * known rule on its own parameter's chart, and nowhere when it has none (a round finding: the round's own marker
 * shows it). Settings changes and rounds concern the whole circuit: every device chart, no lab chart.
 */
function belongsOn(event: TTrendEvent, { spec, deviceType }: TMarkerChart): boolean {
  if (event.kind !== "alarm") return spec.source === "series";
  const rule = DEFAULT_ALARM_RULES.find((r) => r.id === event.alarm.ruleId);
  const inputs: readonly string[] = rule
    ? // No support running: the inputs the rule reads on either device (a stay-only alarm is a lab's or a limb's).
      ruleInputs(rule, deviceType ?? "VA_ECMO_IABP")
    : event.alarm.parameter === null
      ? []
      : [event.alarm.parameter];
  return spec.parameters.some((p) => inputs.includes(p));
}

const TONE_RANK: Readonly<Record<NonNullable<TMarkerTone> | "null", number>> = {
  null: 0,
  normal: 1,
  abnormal: 2,
  technical: 3,
  low: 4,
  medium: 5,
  high: 6,
};

function toneOf(event: TTrendEvent): TMarkerTone {
  switch (event.kind) {
    case "setting":
      return null;
    case "alarm":
      return event.priority;
    case "round":
      return event.abnormalCount > 0 ? "abnormal" : "normal";
  }
}

/** An alarm has ended once its condition cleared or it was resolved; until then, whether it was ACKNOWLEDGED. */
function alarmState(alarm: TAlarmDto): TAlarmMarkerState {
  if (alarm.status === "resolved" || alarm.clearedAt !== null) return "ended";
  return alarm.acknowledgedAt !== null ? "acknowledged" : "active";
}

function describe(event: TTrendEvent, locale: TLocale): TMarkerItem {
  switch (event.kind) {
    case "setting": {
      if (event.parameter === "iabp_pumping")
        return { kind: event.to > event.from ? "pumpingResumed" : "pumpingStopped" };
      const parameter = getParameter(event.parameter);
      // An assist ratio is stored as N of 1:N and read as the console shows it.
      const print = (v: number) =>
        event.parameter === "iabp_ratio" ? `1:${v}` : formatNumber(v, parameter.decimals, locale);
      return { kind: "value", label: parameter.short[locale], from: print(event.from), to: print(event.to) };
    }
    case "alarm":
      return { kind: "alarm", alarm: event.alarm, state: alarmState(event.alarm) };
    case "round":
      return { kind: "round", signedBy: event.signedBy, abnormalCount: event.abnormalCount };
  }
}
