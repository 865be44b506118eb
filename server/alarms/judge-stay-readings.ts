import type { TAlarmContext } from "@/lib/alarms/alarm-state";
import { evaluateAlarms } from "@/lib/alarms/evaluate-alarms";
import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import type { TStayReading } from "@/lib/db/alarms/find-stay-readings-since";
import type { Db } from "@/lib/db/client";
import { lateSeries } from "./late-series";
import type { TStayMemory } from "./stay-memory";
import { yieldToEventLoop } from "./yield-to-event-loop";

/** Readings judged in one go before the engine yields to the event loop. */
const JUDGE_SLICE = 2_000;
/** Readings older than this when judged are history arriving, not the live feed… */
const HISTORY_AGE_MS = 5 * 60_000;
/** …and the clock waits this long after the last of them (TStayMemory.catchingUpUntil). */
const CATCHING_UP_MS = 30_000;

/**
 * Judges a stay's readings in time order, a slice at a time, yielding to the event loop between slices: a backfill
 * or a replay of hours of readings must not stall the heartbeats and the write path meanwhile. Which rules apply
 * follows what ran at each reading's time: a reading of the support running now is judged by every rule in force for
 * its device; one taken while no support ran (a lactate before cannulation) or during a support that has since ended
 * only by the rules judged for the whole stay (an IABP rule never judges a reading after the balloon's removal, nor a
 * late one of the balloon once it is out). A result older than its parameter's newest value is judged by the trends
 * in its place in the stored series (late-series.ts). The memory takes the new state, the transitions to write and
 * the last seq judged.
 */
export async function judgeStayReadings({
  db,
  memory,
  rules,
  readings,
  wallClock,
}: {
  db: Db;
  memory: TStayMemory;
  rules: readonly TAlarmRule[];
  readings: readonly TStayReading[];
  wallClock: number;
}): Promise<void> {
  const running = readings.filter((r) => r.episodeId === memory.episodeId);
  const other = readings.filter((r) => r.episodeId !== memory.episodeId);
  // Those of no running support first: they were taken before, or during a support that has ended.
  if (other.length > 0) await judgeIn(db, memory, stayOnly(memory.context), rules, other, wallClock);
  if (running.length > 0) await judgeIn(db, memory, memory.context, rules, running, wallClock);
  memory.dirty = true;
}

/** The context of a reading no running support holds: only the rules judged for the whole stay. */
function stayOnly(context: TAlarmContext): TAlarmContext {
  return {
    deviceType: null,
    startedAt: context.startedAt,
    ...(context.weightKg ? { weightKg: context.weightKg } : {}),
  };
}

async function judgeIn(
  db: Db,
  memory: TStayMemory,
  context: TAlarmContext,
  rules: readonly TAlarmRule[],
  readings: readonly TStayReading[],
  wallClock: number,
): Promise<void> {
  const series = await lateSeries({ db, memory, context, rules, readings });
  const ordered = [...readings].sort((a, b) => a.observedAt - b.observedAt || a.seq - b.seq);
  for (let from = 0; from < ordered.length; from += JUDGE_SLICE) {
    if (from > 0) await yieldToEventLoop();
    const slice = ordered.slice(from, from + JUDGE_SLICE);
    const newest = slice[slice.length - 1]?.observedAt ?? wallClock;
    const result = evaluateAlarms({
      rules,
      state: memory.state,
      episode: context,
      readings: slice,
      now: newest,
      series,
    });
    memory.state = result.state;
    memory.pending.push(...result.transitions);
    for (const r of slice) if (r.seq > memory.lastSeq) memory.lastSeq = r.seq;
    if (newest < wallClock - HISTORY_AGE_MS) memory.catchingUpUntil = wallClock + CATCHING_UP_MS;
  }
}
