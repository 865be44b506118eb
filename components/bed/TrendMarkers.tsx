import { useLocale, useTranslations } from "next-intl";
import { formatHourMinute } from "@/lib/bed/format-date-time";
import type { TMarkerItem, TTrendMarker } from "@/lib/bed/prepare-trend-markers";

/**
 * Event markers over a chart's plot (settings changes today): a thin line at the instant and a short tag, the whole
 * change in words for a screen reader and on hover. HTML over the plot area rather than recharts elements, so that
 * the server-drawn sketch and recharts show the same markers at the same place (both share the plot's geometry).
 */
export function TrendMarkers({ markers, timeZone }: { readonly markers: readonly TTrendMarker[]; readonly timeZone: string }) {
  const t = useTranslations("bedEvents");
  const locale = useLocale();
  if (markers.length === 0) return null;
  const word = (item: TMarkerItem) => (item.kind === "value" ? t("marker.value", { label: item.label, from: item.from, to: item.to }) : t(`marker.${item.kind}`));
  return (
    <div className="trend-markers">
      {markers.map((marker) => {
        const changes = marker.items.map(word).join(", ");
        const text = t(`marker.${marker.kind}At`, { time: formatHourMinute(marker.at, locale, timeZone), changes });
        const first = marker.items[0];
        const tag = first?.kind === "value" ? `${first.label} ${first.to}` : first ? word(first) : "";
        return (
          <div
            key={`${marker.kind}${marker.at}`}
            className={`trend-marker trend-marker--${marker.kind}`}
            style={{ left: `calc(56px + ${marker.x} * (100% - 70px))` }}
            data-testid="trend-marker"
            data-kind={marker.kind}
            data-at={marker.at}
            role="note"
            aria-label={text}
            title={text}
          >
            <span className="trend-marker__tag" aria-hidden="true">
              {tag}
              {marker.items.length > 1 ? " +" : ""}
            </span>
          </div>
        );
      })}
    </div>
  );
}
