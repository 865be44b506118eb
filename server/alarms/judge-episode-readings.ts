import type { TAlarmReading } from "@/lib/alarms/alarm-state";
import { evaluateAlarms } from "@/lib/alarms/evaluate-alarms";
import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import type { Db } from "@/lib/db/client";
import type { TEpisodeMemory } from "./episode-memory";
import { lateSeries } from "./late-series";
import { yieldToEventLoop } from "./yield-to-event-loop";

/** Readings judged in one go before the engine yields to the event loop. */
const JUDGE_SLICE = 2_000;
/** Readings older than this when judged are history arriving, not the live feed… */
const HISTORY_AGE_MS = 5 * 60_000;
/** …and the clock waits this long after the last of them (TEpisodeMemory.catchingUpUntil). */
const CATCHING_UP_MS = 30_000;

/**
 * Judges an episode's readings in time order, a slice at a time, yielding to the event loop between slices: a
 * backfill or a replay of hours of readings must not stall the heartbeats and the write path meanwhile. A result
 * older than its parameter's newest value is judged by the trends in its place in the stored series (late-series.ts).
 * The memory takes the new state, the transitions to write and the last seq judged.
 */
export async function judgeEpisodeReadings({
  db,
  memory,
  rules,
  readings,
  wallClock,
}: {
  db: Db;
  memory: TEpisodeMemory;
  rules: readonly TAlarmRule[];
  readings: readonly TAlarmReading[];
  wallClock: number;
}): Promise<void> {
  const series = await lateSeries({ db, memory, rules, readings });
  const ordered = [...readings].sort((a, b) => a.observedAt - b.observedAt || a.seq - b.seq);
  for (let from = 0; from < ordered.length; from += JUDGE_SLICE) {
    if (from > 0) await yieldToEventLoop();
    const slice = ordered.slice(from, from + JUDGE_SLICE);
    const newest = slice[slice.length - 1]?.observedAt ?? wallClock;
    const result = evaluateAlarms({
      rules,
      state: memory.state,
      episode: memory.episode,
      readings: slice,
      now: newest,
      series,
    });
    memory.state = result.state;
    memory.pending.push(...result.transitions);
    for (const r of slice) if (r.seq > memory.lastSeq) memory.lastSeq = r.seq;
    if (newest < wallClock - HISTORY_AGE_MS) memory.catchingUpUntil = wallClock + CATCHING_UP_MS;
  }
  memory.dirty = true;
}
