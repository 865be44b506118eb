"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazy, memo, Suspense, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { formatDayTime, formatHourMinute } from "@/lib/bed/format-date-time";
import type { TPreparedChart } from "@/lib/bed/prepare-trend-chart";
import type { TTrendMarker } from "@/lib/bed/prepare-trend-markers";
import { readTrendAt } from "@/lib/bed/trend-readout";
import { MIN_ZOOM_MS } from "@/lib/bed/trend-ranges";
import { whenIdle } from "@/lib/client/idle-queue";
import { PLOT_MARGIN, Y_AXIS_WIDTH } from "./plot-layout";
import { TrendMarkers } from "./TrendMarkers";
import { TrendSketch } from "./TrendSketch";

/**
 * recharts (a third of the page's JavaScript) is loaded when the first chart is upgraded, not with the page: the
 * sketch needs none of it, and the browser parsed it before it could hydrate anything, competing with the first
 * paint for the same cores. Until it has arrived the sketch stays on screen (the Suspense fallback below).
 */
const RechartsPlot = lazy(() => import("./RechartsPlot").then((module) => ({ default: module.RechartsPlot })));

/** Arrow keys move the readout by this fraction of the window. */
const KEY_STEP = 1 / 60;

/**
 * Draws a prepared chart (lib/bed/prepare-trend-chart.ts) and decides nothing: lines break at null points
 * (connectNulls off: a gap is a gap), the target band is shaded, lab results are thin dotted markers, events are
 * marked. Dragging across the plot selects a window to zoom to; hovering it, or moving along it with the arrow keys
 * once it has the focus, reads the values at that instant (lib/bed/trend-readout.ts), announced to screen readers.
 *
 * The first picture is TrendSketch (plain SVG, rendered by the server with the page); recharts is mounted in its
 * place when the main thread is idle, one chart at a time in page order (lib/client/idle-queue.ts), its code
 * fetched by the first of them (`data-renderer` says which renderer is chosen; the sketch stays while that code
 * loads). Zooming and the readout work on either: the overlay below maps pixels to time itself.
 */
export const TrendChart = memo(function TrendChart({
  chart,
  markers,
  timeZone,
  height,
  onZoom,
}: {
  readonly chart: TPreparedChart;
  readonly markers: readonly TTrendMarker[];
  readonly timeZone: string;
  readonly height: number;
  readonly onZoom: (from: number, to: number) => void;
}) {
  const t = useTranslations("bedEvents.readout");
  const tLab = useTranslations("labResults.trend");
  const locale = useLocale();
  const [from, to] = chart.domain;
  const overlay = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [upgraded, setUpgraded] = useState(false);
  // Not a transition: live readings re-render the charts every second, and would keep restarting an interruptible
  // mount on a loaded machine (seen: every chart upgraded only after 15 s at a load of 15 on two cores).
  useEffect(() => whenIdle(() => setUpgraded(true)), []);

  // Pixel x within the overlay → time, through the plot area that recharts draws right of the Y axis.
  const timeAt = (clientX: number): number => {
    const box = overlay.current?.getBoundingClientRect();
    if (!box) return from;
    const left = box.left + PLOT_MARGIN.left + Y_AXIS_WIDTH;
    const width = Math.max(1, box.width - PLOT_MARGIN.left - Y_AXIS_WIDTH - PLOT_MARGIN.right);
    const ratio = Math.min(1, Math.max(0, (clientX - left) / width));
    return from + ratio * (to - from);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    setUpgraded(true);
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = timeAt(event.clientX);
    setDrag({ start: at, end: at });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, end: timeAt(event.clientX) });
    else if (event.pointerType === "mouse") setCursor(timeAt(event.clientX));
  };
  const onPointerUp = () => {
    if (!drag) return;
    const a = Math.min(drag.start, drag.end);
    const b = Math.max(drag.start, drag.end);
    setDrag(null);
    if (b - a >= MIN_ZOOM_MS) onZoom(Math.round(a), Math.round(b));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const span = to - from;
    const clamp = (v: number) => Math.min(to, Math.max(from, v));
    const moves: Record<string, () => number | null> = {
      ArrowLeft: () => clamp((cursor ?? to) - span * KEY_STEP),
      ArrowRight: () => clamp((cursor ?? from) + span * KEY_STEP),
      Home: () => from,
      End: () => to,
      Escape: () => null,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setCursor(move());
  };

  // Near enough to read: three pixel columns of a 700 px plot, or the width of a lab marker on a sparse line.
  const readout = cursor === null ? null : readTrendAt(chart, cursor, { toleranceMs: (to - from) / 200, locale });
  const x = cursor === null ? 0 : (cursor - from) / Math.max(1, to - from);
  const multiDay = to - from > 20 * 3_600_000;

  return (
    <div
      className="trend-chart__plot"
      ref={overlay}
      style={{ height }}
      data-renderer={upgraded ? "recharts" : "sketch"}
      tabIndex={0}
      // A label needs a role to name: a focusable group whose name says how to read it with the keys.
      role="group"
      aria-label={t("hint")}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => setCursor(null)}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={onKeyDown}
      onBlur={() => setCursor(null)}
    >
      {!upgraded ? (
        <TrendSketch chart={chart} timeZone={timeZone} height={height} />
      ) : (
        <Suspense fallback={<TrendSketch chart={chart} timeZone={timeZone} height={height} />}>
          <RechartsPlot chart={chart} timeZone={timeZone} height={height} locale={locale} drag={drag} />
        </Suspense>
      )}
      <TrendMarkers markers={markers} timeZone={timeZone} />
      {readout && (
        <>
          <div
            className="trend-readout__cursor"
            style={{ left: `calc(56px + ${x} * (100% - 70px))` }}
            aria-hidden="true"
          />
          <div
            className={`trend-readout${x > 0.6 ? " trend-readout--left" : ""}`}
            style={{ left: `calc(56px + ${x} * (100% - 70px))` }}
            role="status"
            aria-live="polite"
            data-testid="trend-readout"
          >
            <span className="trend-readout__time">
              {multiDay ? formatDayTime(readout.at, locale, timeZone) : formatHourMinute(readout.at, locale, timeZone)}
            </span>
            {readout.lines.map((line) => (
              <span key={line.code} className="trend-readout__line">
                <span className="trend-readout__swatch" style={{ background: line.color }} aria-hidden="true" />
                {line.label} {line.reading ? line.reading.text : t("noReading")}
                {(line.reading?.state === "corrected" || line.reading?.state === "preliminary") &&
                  ` (${tLab(`state.${line.reading.state}`)})`}
                {line.superseded.map((m) => (
                  <span key={m.t} className="trend-readout__superseded">
                    {tLab(`superseded.${m.how ?? "replaced"}`, { value: m.text })}
                  </span>
                ))}
              </span>
            ))}
          </div>
        </>
      )}
    </div>
  );
});
