"use client";

import { memo } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { formatTick } from "@/lib/bed/format-date-time";
import type { TLabMark } from "@/lib/bed/prepare-lab-marks";
import type { TPreparedChart } from "@/lib/bed/prepare-trend-chart";
import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";
import { LabMarkShape } from "./LabMarkShape";
import { PLOT_MARGIN, Y_AXIS_WIDTH } from "./plot-layout";

/** recharts' drawing, memoised apart so that moving the readout does not redraw the chart. */
export const RechartsPlot = memo(function RechartsPlot({
  chart,
  timeZone,
  height,
  locale,
  drag,
}: {
  readonly chart: TPreparedChart;
  readonly timeZone: string;
  readonly height: number;
  readonly locale: TLocale;
  readonly drag: { start: number; end: number } | null;
}) {
  const [from, to] = chart.domain;
  const step = (chart.ticks[1] ?? to) - (chart.ticks[0] ?? from);
  const decimals = chart.lines[0]?.decimals ?? 0;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <LineChart margin={PLOT_MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#2a3340" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          domain={[from, to]}
          ticks={[...chart.ticks]}
          tickFormatter={(t: number) => formatTick(t, step, locale, timeZone)}
          allowDataOverflow
          stroke="#b4bfcc"
          tick={{ fontSize: 12 }}
        />
        <YAxis
          type="number"
          width={Y_AXIS_WIDTH}
          domain={chart.yDomain ? [...chart.yDomain] : ["auto", "auto"]}
          allowDataOverflow
          // The prepared round ticks, the ones the sketch showed (recharts' own would start at the domain's edge).
          ticks={chart.yTicks.length > 0 ? [...chart.yTicks] : undefined}
          // A parameter shown without decimals (assist ratio, RPM) must not get 0.5 ticks that print as "1, 1, 2".
          allowDecimals={decimals > 0}
          tickFormatter={(v: number) => formatNumber(v, decimals, locale)}
          stroke="#b4bfcc"
          tick={{ fontSize: 12 }}
        />
        {chart.band && (
          <ReferenceArea
            y1={chart.band.y1}
            y2={chart.band.y2}
            fill="#3ddc84"
            fillOpacity={0.13}
            stroke="none"
            ifOverflow="hidden"
          />
        )}
        {chart.labMarkers.map((t) => (
          <ReferenceLine
            key={t}
            x={t}
            stroke="#d7a8ff"
            strokeOpacity={0.45}
            strokeDasharray="1 4"
            ifOverflow="hidden"
          />
        ))}
        {chart.lines.map((line) => {
          const marks = new Map((line.marks?.current ?? []).map((m) => [m.t, m]));
          return (
            <Line
              key={line.code}
              data={[...line.points]}
              dataKey="v"
              name={line.label}
              type="linear"
              stroke={line.color}
              strokeWidth={line.markers ? 1.5 : 1.6}
              strokeDasharray={line.dash}
              dot={
                line.marks
                  ? (props: TDotProps) => markAt(props, line.code, line.color, (t) => marks.get(t))
                  : line.markers
                    ? { r: 3.5, fill: line.color, stroke: "#000" }
                    : false
              }
              activeDot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          );
        })}
        {chart.lines.map((line) =>
          line.marks && line.marks.superseded.length > 0 ? (
            // The replaced results, apart from the line: never joined to the values that stand.
            <Line
              key={`${line.code}-superseded`}
              data={[...line.marks.superseded]}
              dataKey="v"
              stroke="none"
              dot={(props: TDotProps) =>
                markAt(props, `${line.code}-superseded`, line.color, () => line.marks?.superseded[props.index ?? -1])
              }
              activeDot={false}
              isAnimationActive={false}
            />
          ) : null,
        )}
        {drag && (
          <ReferenceArea
            x1={Math.min(drag.start, drag.end)}
            x2={Math.max(drag.start, drag.end)}
            fill="#ffffff"
            fillOpacity={0.12}
            ifOverflow="hidden"
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
});

interface TDotProps {
  readonly cx?: number;
  readonly cy?: number;
  readonly index?: number;
  readonly payload?: { readonly t: number };
}

/** recharts' custom dot: the lab mark of the point (by its time), or an empty group where there is none (a gap). */
function markAt(props: TDotProps, line: string, color: string, find: (t: number) => TLabMark | undefined) {
  const key = `${line}-${props.index ?? 0}`;
  const mark = props.payload ? find(props.payload.t) : undefined;
  if (!mark || props.cx === undefined || props.cy === undefined) return <g key={key} />;
  return (
    <g key={key}>
      <LabMarkShape cx={props.cx} cy={props.cy} mark={mark} color={color} />
    </g>
  );
}
