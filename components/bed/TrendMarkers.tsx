import { useLocale, useTranslations } from "next-intl";
import { formatHourMinute } from "@/lib/bed/format-date-time";
import type { TMarkerItem, TTrendMarker } from "@/lib/bed/prepare-trend-markers";
import { useAlarmText } from "../alarms/AlarmText";

/** Past this fraction of the plot, a tag is written to the left of its line: at the live edge it would be cut off. */
const TAG_FLIPS_FROM = 0.85;

/**
 * Event markers over a chart's plot (settings changes, alarms raised, rounds signed): a thin line at the instant and a
 * short tag, the whole change in words for a screen reader and on hover. HTML over the plot area rather than recharts
 * elements, so that the server-drawn sketch and recharts show the same markers at the same place (both share the plot's
 * geometry).
 */
export function TrendMarkers({
  markers,
  timeZone,
}: {
  readonly markers: readonly TTrendMarker[];
  readonly timeZone: string;
}) {
  const t = useTranslations("bedEvents");
  const locale = useLocale();
  const alarmText = useAlarmText();
  if (markers.length === 0) return null;
  const time = (at: number) => formatHourMinute(at, locale, timeZone);
  const word = (item: TMarkerItem): string => {
    switch (item.kind) {
      case "value":
        return t("marker.value", { label: item.label, from: item.from, to: item.to });
      case "alarm": {
        const { alarm } = item;
        const endedAt = alarm.clearedAt ?? alarm.resolvedAt;
        const state =
          item.state === "ended" && endedAt !== null
            ? t("marker.alarmState.ended", { time: time(endedAt) })
            : item.state === "acknowledged" && alarm.acknowledgedAt !== null
              ? t("marker.alarmState.acknowledged", { time: time(alarm.acknowledgedAt) })
              : t("marker.alarmState.active");
        return t("marker.alarm", {
          priority: t(`marker.priority.${alarm.priority}`),
          message: alarmText(alarm),
          state,
        });
      }
      case "round":
        return t("marker.round", { by: item.signedBy, count: item.abnormalCount });
      default:
        return t(`marker.${item.kind}`);
    }
  };
  const tagOf = (item: TMarkerItem | undefined): string => {
    if (!item) return "";
    if (item.kind === "value") return `${item.label} ${item.to}`;
    if (item.kind === "alarm") return t(`marker.alarmTag.${item.alarm.priority}`);
    if (item.kind === "round")
      return item.abnormalCount > 0
        ? t("marker.roundTagAbnormal", { count: item.abnormalCount })
        : t("marker.roundTag");
    return word(item);
  };
  return (
    <div className="trend-markers">
      {markers.map((marker) => {
        const changes = marker.items.map(word).join(", ");
        const text = t(`marker.${marker.kind}At`, { time: time(marker.at), changes });
        const tag = tagOf(marker.items[0]);
        return (
          <div
            key={`${marker.kind}${marker.tone ?? ""}${marker.at}`}
            className={`trend-marker trend-marker--${marker.kind}${marker.tone ? ` trend-marker--${marker.kind}-${marker.tone}` : ""}${marker.x > TAG_FLIPS_FROM ? " trend-marker--near-end" : ""}`}
            style={{ left: `calc(56px + ${marker.x} * (100% - 70px))` }}
            data-testid="trend-marker"
            data-kind={marker.kind}
            data-tone={marker.tone ?? undefined}
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
