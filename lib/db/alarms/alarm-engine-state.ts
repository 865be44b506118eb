import { ZAlarmState, emptyAlarmState, type TAlarmState } from "@/lib/alarms/alarm-state";
import type { Db } from "../client";
import { toSeq } from "../seq";

export interface TStoredEngineState {
  readonly state: TAlarmState;
  /** The last observation seq of the stay the state has judged. */
  readonly lastSeq: number;
}

/**
 * The evaluator's stored memory of a stay, or undefined when there is none. A state that no longer parses (a newer or
 * older shape) is dropped with a fresh start rather than trusted: the engine then rebuilds it from readings.
 */
export async function loadAlarmEngineState({
  db,
  stayId,
}: {
  db: Db;
  stayId: string;
}): Promise<TStoredEngineState | undefined> {
  const row = await db.alarmEngineState.findUnique({ where: { stayId } });
  if (!row) return undefined;
  const parsed = ZAlarmState.safeParse(row.state);
  return parsed.success
    ? { state: parsed.data, lastSeq: toSeq(row.lastSeq) }
    : { state: emptyAlarmState(), lastSeq: 0 };
}

/** Stores a stay's evaluator state, in the engine's transaction when alarms changed with it. */
export async function saveAlarmEngineState({
  db,
  stayId,
  state,
  lastSeq,
  now,
}: {
  db: Pick<Db, "alarmEngineState">;
  stayId: string;
  state: TAlarmState;
  lastSeq: number;
  now: Date;
}): Promise<void> {
  const data = { state, lastSeq, updatedAt: now };
  await db.alarmEngineState.upsert({ where: { stayId }, create: { stayId, ...data }, update: data });
}
