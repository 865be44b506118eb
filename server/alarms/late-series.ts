import type { TAlarmReading, TAlarmSample } from "@/lib/alarms/alarm-state";
import { judgesLateSamples } from "@/lib/alarms/judge-late-trend";
import { ruleInputs, rulesInForce } from "@/lib/alarms/rule-inputs";
import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import { isParameterCode, type TParameterCode } from "@/lib/catalogue";
import { findCurrentResults } from "@/lib/db/alarms/find-current-results";
import type { Db } from "@/lib/db/client";
import type { TEpisodeMemory } from "./episode-memory";

/** Results read around a late one: lab results come hours apart, so this reaches back days. */
const SERIES_LENGTH = 20;

/**
 * For each parameter with a reading older than its newest known value that a trend on successive samples judges
 * (lactate rising, LDH rising: lib/alarms/judge-late-trend.ts), the parameter's stored current results up to its
 * newest known value, the late one among them, for evaluateAlarms' `series`. Empty, and no query, for the live feed:
 * device readings come in time order and no such trend watches them.
 */
export async function lateSeries({
  db,
  memory,
  rules,
  readings,
}: {
  db: Db;
  memory: TEpisodeMemory;
  rules: readonly TAlarmRule[];
  readings: readonly TAlarmReading[];
}): Promise<Partial<Record<TParameterCode, TAlarmSample[]>>> {
  const series: Partial<Record<TParameterCode, TAlarmSample[]>> = {};
  const watched = new Set(
    rulesInForce(rules, memory.episode.deviceType)
      .filter(judgesLateSamples)
      .flatMap((r) => ruleInputs(r, memory.episode.deviceType)),
  );
  for (const r of readings) {
    if (!isParameterCode(r.parameter) || !watched.has(r.parameter) || series[r.parameter]) continue;
    const newest = memory.state.latest[r.parameter];
    if (!newest || r.observedAt >= newest.observedAt) continue;
    series[r.parameter] = await findCurrentResults({
      db,
      stayId: memory.stayId,
      episodeId: memory.id,
      parameter: r.parameter,
      until: newest.observedAt,
      limit: SERIES_LENGTH,
    });
  }
  return series;
}
