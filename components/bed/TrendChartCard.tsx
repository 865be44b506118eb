"use client";

import { useLocale, useTranslations } from "next-intl";
import { memo, useMemo, useState } from "react";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { prepareTrendChart } from "@/lib/bed/prepare-trend-chart";
import { prepareTrendMarkers } from "@/lib/bed/prepare-trend-markers";
import { prepareTrendTable } from "@/lib/bed/prepare-trend-table";
import type { TTrendEvent } from "@/lib/bed/trend-events";
import type { TParameterSeries } from "@/lib/bed/series";
import type { TTrendChartSpec } from "@/lib/bed/trend-charts";
import type { TParameterCode } from "@/lib/catalogue";
import type { TSeriesPoint } from "@/lib/charts/downsample-min-max";
import { TrendChart } from "./TrendChart";
import { TrendTable } from "./TrendTable";

export interface TTrendChartCardProps {
  readonly spec: TTrendChartSpec;
  /** The running support's; null with none running (the stay's targets: bed-scope.ts). */
  readonly deviceType: NonNullable<TBedDetail["episode"]>["deviceType"] | null;
  readonly labs: TBedDetail["labs"];
  /** Results replaced by a correction or a cancellation, drawn on a lab chart on request. */
  readonly replacedLabs: TBedDetail["replacedLabs"];
  readonly labTimes: readonly number[];
  /** Events marked on device charts (settings changes; alarms and rounds when they exist). */
  readonly events: readonly TTrendEvent[];
  /** Device series of the window by parameter (from the one trends request); undefined entries are still loading. */
  readonly series: Partial<Record<TParameterCode, TParameterSeries>>;
  readonly loading: boolean;
  readonly failed: boolean;
  readonly from: number;
  readonly to: number;
  readonly width: number;
  readonly view: "chart" | "table";
  readonly timeZone: string;
  readonly height: number;
  readonly onZoom: (from: number, to: number) => void;
}

/** One group's chart (or table): prepares its parameters' points and hands them to the drawing. */
export const TrendChartCard = memo(function TrendChartCard(props: TTrendChartCardProps) {
  const { spec, from, to, width, view, timeZone } = props;
  const t = useTranslations("bed.trends");
  const tLab = useTranslations("labResults.trend");
  const locale = useLocale();
  // What the chart draws, not data: a corrected result's original is hidden until someone asks for it.
  const [showSuperseded, setShowSuperseded] = useState(false);
  const fromSeries = spec.source === "series";
  const seriesPoints = spec.parameters.map((code) => props.series[code]?.points);
  const loading = fromSeries && props.loading;
  const failed = fromSeries && props.failed;

  const points = useMemo(() => {
    const byCode: Partial<Record<TParameterCode, readonly TSeriesPoint[]>> = {};
    spec.parameters.forEach((code, index) => {
      byCode[code] = fromSeries
        ? seriesPoints[index]
        : (props.labs[code] ?? []).map((s) => ({ t: s.observedAt, v: s.value }));
    });
    return byCode;
    // seriesPoints is a new array each render; its members are the stable cached arrays.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spec, fromSeries, props.labs, ...seriesPoints]);

  const chart = useMemo(
    () =>
      prepareTrendChart({
        spec,
        deviceType: props.deviceType,
        locale,
        timeZone,
        from,
        to,
        points,
        labTimes: props.labTimes,
        width,
        labs: props.labs,
        replacedLabs: props.replacedLabs,
        showSuperseded,
      }),
    [
      spec,
      props.deviceType,
      locale,
      timeZone,
      from,
      to,
      points,
      props.labTimes,
      width,
      props.labs,
      props.replacedLabs,
      showSuperseded,
    ],
  );
  // Each chart marks only its own events: an alarm on the charts of its parameters (lab charts included).
  const markers = useMemo(
    () => prepareTrendMarkers(props.events, { from, to, locale, chart: { spec, deviceType: props.deviceType } }),
    [props.events, from, to, locale, spec, props.deviceType],
  );
  const table = useMemo(
    () =>
      view === "table" ? prepareTrendTable(chart.lines, { from, to, timeZone, locale, onlyFilled: !fromSeries }) : null,
    [view, chart, from, to, timeZone, locale, fromSeries],
  );

  return (
    <figure
      className="trend-chart"
      data-testid={`trend-${spec.id}`}
      data-state={loading ? "loading" : failed ? "error" : chart.empty ? "empty" : "drawn"}
    >
      <figcaption className="trend-chart__head">
        <span className="trend-chart__title">{t(`charts.${spec.id}`)}</span>
        <span className="trend-chart__unit">{chart.unit}</span>
        <span className="trend-chart__legend">
          {chart.lines.length > 1 &&
            chart.lines.map((line) => (
              <span key={line.code} className="trend-chart__key">
                <svg width="18" height="8" aria-hidden="true">
                  <line x1="0" y1="4" x2="18" y2="4" stroke={line.color} strokeWidth="2" strokeDasharray={line.dash} />
                </svg>
                {line.label}
              </span>
            ))}
          {chart.band && (
            <span className="trend-chart__band">{t("band", { label: chart.band.label, range: chart.band.text })}</span>
          )}
        </span>
        {(chart.hasSuperseded || showSuperseded) && (
          <label className="trend-chart__superseded" title={tLab("showSupersededHint")}>
            <input
              type="checkbox"
              checked={showSuperseded}
              onChange={(event) => setShowSuperseded(event.target.checked)}
              data-testid={`trend-${spec.id}-show-superseded`}
            />
            {tLab("showSuperseded")}
          </label>
        )}
      </figcaption>
      {failed && <p className="trend-chart__status">{t("failed")}</p>}
      {table ? (
        <TrendTable chart={chart} table={table} timeZone={timeZone} />
      ) : chart.empty ? (
        // No chart is mounted until there is a line to draw: a dozen empty recharts charts cost the first draw
        // of the page more than the data does.
        <div className="trend-chart__body trend-chart__body--empty" style={{ height: props.height }}>
          <p className="trend-chart__overlay">{loading ? t("loading") : t("noData")}</p>
        </div>
      ) : (
        <div className="trend-chart__body">
          <TrendChart chart={chart} markers={markers} timeZone={timeZone} height={props.height} onZoom={props.onZoom} />
        </div>
      )}
    </figure>
  );
});
