import { getParameter } from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";
import type { TTrendEvent } from "./trend-events";

/** One line of a marker's text; the screen words it through the catalogue (bedEvents.marker.*). */
export type TMarkerItem =
  | { readonly kind: "value"; readonly label: string; readonly from: string; readonly to: string }
  | { readonly kind: "pumpingStopped" }
  | { readonly kind: "pumpingResumed" };

export interface TTrendMarker {
  readonly at: number;
  /** Position across the plot, 0 (left edge, `from`) to 1 (right edge, `to`). */
  readonly x: number;
  readonly kind: TTrendEvent["kind"];
  /** Events at the same instant share one marker. */
  readonly items: readonly TMarkerItem[];
}

/**
 * The markers of a chart's window: events within [from, to], those at the same instant (a new ECMO setting often
 * changes sweep and FdO2 together) gathered in one marker, each described with the catalogue's short label and
 * its values as the panels print them. Pure.
 */
export function prepareTrendMarkers(events: readonly TTrendEvent[], { from, to, locale }: { from: number; to: number; locale: TLocale }): TTrendMarker[] {
  const markers = new Map<string, { at: number; kind: TTrendEvent["kind"]; items: TMarkerItem[] }>();
  for (const event of events) {
    if (event.at < from || event.at > to) continue;
    const key = `${event.kind}|${event.at}`;
    const marker = markers.get(key) ?? { at: event.at, kind: event.kind, items: [] };
    marker.items.push(describe(event, locale));
    markers.set(key, marker);
  }
  const span = Math.max(1, to - from);
  return [...markers.values()].sort((a, b) => a.at - b.at).map((m) => ({ ...m, x: (m.at - from) / span }));
}

function describe(event: TTrendEvent, locale: TLocale): TMarkerItem {
  switch (event.kind) {
    case "setting": {
      if (event.parameter === "iabp_pumping") return { kind: event.to > event.from ? "pumpingResumed" : "pumpingStopped" };
      const parameter = getParameter(event.parameter);
      // An assist ratio is stored as N of 1:N and read as the console shows it.
      const print = (v: number) => (event.parameter === "iabp_ratio" ? `1:${v}` : formatNumber(v, parameter.decimals, locale));
      return { kind: "value", label: parameter.short[locale], from: print(event.from), to: print(event.to) };
    }
  }
}
