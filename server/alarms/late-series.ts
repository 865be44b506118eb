import type { TAlarmReading, TAlarmSample } from "@/lib/alarms/alarm-state";
import { judgesLateSamples, lateSeriesFrom } from "@/lib/alarms/judge-late-trend";
import { ruleInputs, rulesInForce } from "@/lib/alarms/rule-inputs";
import type { TAlarmRule, TTrendRule } from "@/lib/alarms/rule-schema";
import { isParameterCode, type TParameterCode } from "@/lib/catalogue";
import { findCurrentResults } from "@/lib/db/alarms/find-current-results";
import type { Db } from "@/lib/db/client";
import type { TAlarmContext } from "@/lib/alarms/alarm-state";
import type { TStayMemory } from "./stay-memory";

/** Results read around a late one for a pairwise trend: lab results come hours apart, so this reaches back days. */
const SERIES_LENGTH = 20;
/**
 * At most this many results for a trend that needs a span (a window, the platelet peak since heparin): an hour of a
 * console's 5 s helium feed is 720. Beyond it the newest are kept and the evaluator's memory stands in for the rest.
 */
const SPAN_LIMIT = 2_000;

/**
 * For each parameter with a reading older than its newest known value that a trend judges in its place
 * (lib/alarms/judge-late-trend.ts), the parameter's stored current results up to its newest known value, the late
 * ones among them, for evaluateAlarms' `series`: from as far back as its trends need (a window before the earliest
 * late reading, heparin's start for the platelet peak), else the newest few. Empty, and no query, for the live feed:
 * device readings come in time order.
 */
export async function lateSeries({
  db,
  memory,
  context: episode,
  rules,
  readings,
}: {
  db: Db;
  memory: Pick<TStayMemory, "id" | "state">;
  /** The context the readings are judged in (the stay's, or the stay-only one for a reading of no running support). */
  context: TAlarmContext;
  rules: readonly TAlarmRule[];
  readings: readonly TAlarmReading[];
}): Promise<Partial<Record<TParameterCode, TAlarmSample[]>>> {
  const watching = new Map<TParameterCode, TTrendRule[]>();
  for (const rule of rulesInForce(rules, episode.deviceType).filter(judgesLateSamples))
    for (const code of ruleInputs(rule, episode.deviceType)) watching.set(code, [...(watching.get(code) ?? []), rule]);

  // The earliest late reading of each watched parameter: the series must reach back from it.
  const earliestLate = new Map<TParameterCode, number>();
  for (const r of readings) {
    if (!isParameterCode(r.parameter) || !watching.has(r.parameter)) continue;
    const newest = memory.state.latest[r.parameter];
    if (!newest || r.observedAt >= newest.observedAt) continue;
    earliestLate.set(r.parameter, Math.min(r.observedAt, earliestLate.get(r.parameter) ?? Infinity));
  }

  const series: Partial<Record<TParameterCode, TAlarmSample[]>> = {};
  for (const [parameter, at] of earliestLate) {
    const froms = (watching.get(parameter) ?? [])
      .map((rule) => lateSeriesFrom(rule, episode, at))
      .filter((from) => from !== null);
    const since = froms.length > 0 ? Math.min(...froms) : undefined;
    series[parameter] = await findCurrentResults({
      db,
      stayId: memory.id,
      parameter,
      until: memory.state.latest[parameter]?.observedAt,
      ...(since === undefined ? { limit: SERIES_LENGTH } : { since, limit: SPAN_LIMIT }),
    });
  }
  return series;
}
