"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { preload } from "react-dom";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { unpackTrends, type TPackedTrends } from "@/lib/bed/pack-trends";
import { trendsUrl, ZBedTrends, type TBedTrends, type TParameterSeries } from "@/lib/bed/series";
import { bedScopeOf } from "@/lib/bed/bed-scope";
import { trendChartsFor, trendParametersFor } from "@/lib/bed/trend-charts";
import { detectSettingChanges, toTrendEvents, type TTrendEvent } from "@/lib/bed/trend-events";
import {
  DEFAULT_TREND_WINDOW,
  liveEdgeOf,
  liveSpanMs,
  panWindow,
  PRELOAD_WIDTH,
  TREND_RANGES,
  type TTrendRange,
  type TTrendWindow,
} from "@/lib/bed/trend-ranges";
import type { TParameterCode } from "@/lib/catalogue";
import { bedKeys, type TSeriesWindowKey } from "@/lib/client/query-keys";
import { getJson, type BedLoadError } from "@/lib/client/use-bed";
import { useBedTrendEvents } from "@/lib/client/use-bed-trend-events";
import { TrendChartCard } from "./TrendChartCard";

/** Charts in two columns from this container width; one below (tablets in portrait). */
const TWO_COLUMNS_FROM_PX = 1_000;

/** Chart height in two columns; one column (tablets in portrait) is a little lower. */
const HEIGHT_TWO_COLUMNS = 170;
const HEIGHT_ONE_COLUMN = 150;

/** Series are asked for at the plot's width rounded up to 100 px, so that a small resize does not refetch. */
function seriesWidth(containerPx: number): number {
  if (containerPx <= 0) return 0;
  const columns = containerPx >= TWO_COLUMNS_FROM_PX ? 2 : 1;
  const plot = containerPx / columns - 80;
  return Math.min(1_500, Math.max(200, Math.ceil(plot / 100) * 100));
}

/**
 * The trends of a bed: one chart per parameter group over a range (6 h … the whole episode) that follows the live
 * edge, or a fixed window chosen by dragging across a chart or by panning; each chart also reads as a table.
 */
export const TrendsPanel = memo(function TrendsPanel({
  detail,
  timeZone,
  initialTrends,
}: {
  readonly detail: TBedDetail;
  readonly timeZone: string;
  /** The default window's series at PRELOAD_WIDTH, read by the server with the page (absent if that read failed). */
  readonly initialTrends?: TPackedTrends;
}) {
  const t = useTranslations("bed.trends");
  const [window, setWindow] = useState<TTrendWindow>(DEFAULT_TREND_WINDOW);
  const [view, setView] = useState<"chart" | "table">("chart");
  const container = useRef<HTMLDivElement>(null);
  // Null until measured: the server's render and the first render in the browser assume a desktop.
  const [containerPx, setContainerPx] = useState<number | null>(null);

  // Measured before the first paint; on a desktop the measure gives PRELOAD_WIDTH again and nothing re-renders below.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    setContainerPx(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => setContainerPx(entries[0]?.contentRect.width ?? null));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The running episode, else the open stay from its admission (issue 15): bed-scope.ts.
  // Kept across live merges, which keep the episode and the stay as they are: the charts are not rebuilt per reading.
  const { episode, stay } = detail;
  const scope = useMemo(() => bedScopeOf({ episode, stay }), [episode, stay]);
  const episodeStart = scope?.since ?? detail.serverTime;
  // The live edge moves with the readings themselves, so that charts slide when data arrives, not every second.
  const liveEdge = useMemo(() => liveEdgeOf(detail), [detail]);
  // Labs drawn together (a morning panel) share one marker.
  const labTimes = useMemo(
    () =>
      [...new Set(Object.values(detail.labs).flatMap((samples) => samples.map((s) => s.observedAt)))].sort(
        (a, b) => a - b,
      ),
    [detail.labs],
  );

  let from: number;
  let to: number;
  let windowKey: TSeriesWindowKey;
  if (window.kind === "live") {
    const span = liveSpanMs(window.range);
    to = liveEdge;
    from = span === null ? episodeStart : Math.max(episodeStart, to - span);
    windowKey = { kind: "live", range: window.range };
  } else {
    ({ from, to } = window);
    windowKey = { kind: "fixed", from, to };
  }
  const fetchTo = window.kind === "live" ? undefined : to;

  const specs = useMemo(() => (scope ? trendChartsFor(scope.chartDeviceType) : []), [scope]);
  const parameters = useMemo(() => (scope ? trendParametersFor(scope.chartDeviceType) : []), [scope]);
  const width = containerPx === null ? PRELOAD_WIDTH : seriesWidth(containerPx);
  const isDefault = window.kind === "live" && window.range === DEFAULT_TREND_WINDOW.range && width === PRELOAD_WIDTH;
  // Unpacked once: the query takes it as its first data, then keeps its own (extended live by the bed's sync).
  const initialData = useMemo(() => (initialTrends ? unpackTrends(initialTrends) : undefined), [initialTrends]);
  const trends = useQuery<TBedTrends, BedLoadError>({
    queryKey: bedKeys.trends(detail.bed.id, windowKey, width),
    queryFn: ({ signal }) =>
      getJson(trendsUrl(detail.bed.id, { parameters, from, to: fetchTo, width }), ZBedTrends, signal),
    // The server's read of the default window: the charts hydrate drawn, and the live sync extends it from its lastSeq.
    initialData: isDefault ? initialData : undefined,
    enabled: width > 0 && parameters.length > 0,
    // Live windows are then extended by the bed's socket sync, never fetched again while shown.
    staleTime: Infinity,
    // A window no longer shown is dropped after a minute: it would otherwise keep growing live.
    gcTime: 60_000,
    refetchOnReconnect: false,
  });
  const byCode = useMemo(() => {
    const map: Partial<Record<TParameterCode, TParameterSeries>> = {};
    for (const one of trends.data?.series ?? []) map[one.parameter] = one;
    return map;
  }, [trends.data]);
  // Alarms raised and rounds signed over the same window, kept live by the socket.
  const recorded = useBedTrendEvents({
    bedId: detail.bed.id,
    episodeId: scope?.episodeId ?? null,
    stayId: detail.stay?.id ?? null,
    windowKey,
    from,
    to: fetchTo,
  });
  // Settings changes read from the same series, with the alarms and rounds: markers on every device chart.
  const events = useMemo((): TTrendEvent[] => {
    const points: Partial<Record<TParameterCode, TParameterSeries["points"]>> = {};
    for (const [code, one] of Object.entries(byCode)) points[code as TParameterCode] = one.points;
    const settings = detectSettingChanges(points);
    return recorded.data ? [...settings, ...toTrendEvents(recorded.data)] : settings;
  }, [byCode, recorded.data]);

  // Without the server's read (it failed), the default window is preloaded at the width a desktop measures: the
  // browser fetches it while it loads the scripts, and the first query, asking for the very same address, takes that
  // response instead of waiting for hydration to ask.
  if (containerPx === null && initialTrends === undefined && parameters.length > 0) {
    preload(trendsUrl(detail.bed.id, { parameters, from, width: PRELOAD_WIDTH }), {
      as: "fetch",
      crossOrigin: "anonymous",
    });
  }

  const onZoom = useCallback((a: number, b: number) => setWindow({ kind: "fixed", from: a, to: b }), []);
  const pan = (fraction: number) =>
    setWindow({ kind: "fixed", ...panWindow(from, to, fraction, { episodeStart, now: liveEdge }) });
  const height = containerPx === null || containerPx >= TWO_COLUMNS_FROM_PX ? HEIGHT_TWO_COLUMNS : HEIGHT_ONE_COLUMN;

  if (!scope) return null;
  return (
    <section
      className="panel trends"
      aria-labelledby="trends-title"
      data-testid="trends"
      data-window={window.kind === "live" ? window.range : "fixed"}
    >
      <div className="trends__bar">
        <h2 className="panel__title" id="trends-title">
          {t("title")}
        </h2>
        <div className="segmented" role="group" aria-label={t("rangeLabel")}>
          {TREND_RANGES.map((range: TTrendRange) => (
            <button
              key={range}
              type="button"
              className="segmented__option"
              aria-pressed={window.kind === "live" && window.range === range}
              onClick={() => setWindow({ kind: "live", range })}
              data-testid={`range-${range}`}
            >
              {t(`ranges.${range}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t("panLabel")}>
          <button
            type="button"
            className="segmented__option"
            onClick={() => pan(-0.5)}
            data-testid="pan-earlier"
            disabled={from <= episodeStart}
          >
            ‹ {t("earlier")}
          </button>
          <button
            type="button"
            className="segmented__option"
            onClick={() => pan(0.5)}
            data-testid="pan-later"
            disabled={window.kind === "live"}
          >
            {t("later")} ›
          </button>
          {window.kind === "fixed" && (
            <button
              type="button"
              className="segmented__option segmented__option--live"
              onClick={() => setWindow({ kind: "live", range: "24h" })}
              data-testid="back-to-live"
            >
              {t("backToLive")}
            </button>
          )}
        </div>
        <div className="segmented" role="group" aria-label={t("viewLabel")}>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={view === "chart"}
            onClick={() => setView("chart")}
            data-testid="view-chart"
          >
            {t("chart")}
          </button>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={view === "table"}
            onClick={() => setView("table")}
            data-testid="view-table"
          >
            {t("table")}
          </button>
        </div>
      </div>
      <p className="trends__hint">{window.kind === "fixed" ? t("zoomed") : t("hint")}</p>
      <div className="trends__grid" ref={container}>
        {specs.map((spec) => (
          <TrendChartCard
            key={spec.id}
            spec={spec}
            deviceType={scope.deviceType}
            labs={detail.labs}
            replacedLabs={detail.replacedLabs}
            labTimes={labTimes}
            events={events}
            series={byCode}
            loading={trends.isPending}
            failed={trends.isError}
            from={from}
            to={to}
            width={width}
            view={view}
            timeZone={timeZone}
            height={height}
            onZoom={onZoom}
          />
        ))}
      </div>
    </section>
  );
});
