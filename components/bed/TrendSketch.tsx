import { useLocale } from "next-intl";
import { memo } from "react";
import { formatTick } from "@/lib/bed/format-date-time";
import type { TPreparedChart } from "@/lib/bed/prepare-trend-chart";
import { SKETCH_SIZE, sketchTrendChart } from "@/lib/bed/sketch-trend-chart";
import { formatNumber } from "@/lib/station/prepare-tile";
import { LabMarkShape } from "./LabMarkShape";

/**
 * A prepared chart drawn as plain SVG and HTML: what the server renders with the page, so that a trend is on screen
 * before a script has run (recharts draws nothing on the server). It takes recharts' geometry (Y axis 56 px on the
 * left, X axis 30 px below, the chart's margins) and the prepared ticks, so that the recharts chart mounted in its
 * place after hydration (TrendChart) replaces it without anything moving. A lab result carries the same mark as it
 * will there (LabMarkShape: a censored result's triangle at its limit, a correction's ring, a superseded result when
 * asked for), not a plain dot.
 */
export const TrendSketch = memo(function TrendSketch({
  chart,
  timeZone,
  height,
}: {
  readonly chart: TPreparedChart;
  readonly timeZone: string;
  readonly height: number;
}) {
  const locale = useLocale();
  const sketch = sketchTrendChart(chart);
  const [from, to] = chart.domain;
  const step = (chart.ticks[1] ?? to) - (chart.ticks[0] ?? from);
  const decimals = chart.lines[0]?.decimals ?? 0;
  const box = `0 0 ${SKETCH_SIZE} ${SKETCH_SIZE}`;
  return (
    <div className="trend-sketch" style={{ height }}>
      <svg className="trend-sketch__plot" viewBox={box} preserveAspectRatio="none" aria-hidden="true">
        {sketch.band && (
          <rect
            className="trend-sketch__band"
            x={0}
            width={SKETCH_SIZE}
            y={sketch.band.top}
            height={sketch.band.bottom - sketch.band.top}
          />
        )}
        {sketch.xTicks.map(({ t, at }) => (
          <line
            key={`x${t}`}
            className="trend-sketch__grid"
            x1={at * SKETCH_SIZE}
            x2={at * SKETCH_SIZE}
            y1={0}
            y2={SKETCH_SIZE}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {sketch.yTicks.map(({ v, at }) => (
          <line
            key={`y${v}`}
            className="trend-sketch__grid"
            x1={0}
            x2={SKETCH_SIZE}
            y1={at * SKETCH_SIZE}
            y2={at * SKETCH_SIZE}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {sketch.labMarkers.map((x) => (
          <line
            key={`lab${x}`}
            className="trend-sketch__lab"
            x1={x}
            x2={x}
            y1={0}
            y2={SKETCH_SIZE}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {sketch.lines.map((line) => (
          <g key={line.code}>
            <path
              className="trend-sketch__line"
              d={line.d}
              stroke={line.color}
              strokeDasharray={line.dash}
              strokeWidth={line.dots ? 1.5 : 1.6}
              vectorEffect="non-scaling-stroke"
            />
            {line.dots ? (
              <path
                className="trend-sketch__dots"
                d={line.dots}
                stroke={line.color}
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
          </g>
        ))}
      </svg>
      {sketch.lines.some((line) => line.marks.length > 0) && (
        // The lab marks, in pixels over the plot (the box above is stretched): the shapes the interactive chart draws.
        <svg className="trend-sketch__marks" aria-hidden="true">
          {sketch.lines.flatMap((line) =>
            line.marks.map(({ x, y, mark }, i) => (
              <svg
                key={`${line.code}-${i}`}
                x={`${x * 100}%`}
                y={`${y * 100}%`}
                width={1}
                height={1}
                overflow="visible"
              >
                <LabMarkShape cx={0} cy={0} mark={mark} color={line.color} />
              </svg>
            )),
          )}
        </svg>
      )}
      <div className="trend-sketch__frame" aria-hidden="true" />
      {sketch.xTicks.map(({ t, at }) => (
        <span
          key={t}
          className="trend-sketch__tick trend-sketch__tick--x"
          style={{ left: `calc(56px + ${at} * (100% - 70px))` }}
        >
          {formatTick(t, step, locale, timeZone)}
        </span>
      ))}
      {sketch.yTicks.map(({ v, at }) => (
        <span
          key={v}
          className="trend-sketch__tick trend-sketch__tick--y"
          style={{ top: `calc(6px + ${at} * (100% - 36px))` }}
        >
          {formatNumber(v, decimals, locale)}
        </span>
      ))}
    </div>
  );
});
