import { loadAlarmEngineState } from "@/lib/db/alarms/alarm-engine-state";
import { findStayReadingsSince, type TStayReading } from "@/lib/db/alarms/find-stay-readings-since";
import { findStayWeight } from "@/lib/db/alarms/find-stay-weight";
import type { TMonitoredStay } from "@/lib/db/alarms/list-monitored-stays";
import type { Db } from "@/lib/db/client";
import { newStayMemory, type TStayMemory } from "./stay-memory";
import { yieldToEventLoop } from "./yield-to-event-loop";

/** A stay the engine meets without a stored state is rebuilt from this much of its history. */
const REBUILD_WINDOW_MS = 24 * 3_600_000;
const REPLAY_LIMIT = 300_000;
const REPLAY_PAGE = 10_000;

/**
 * The memory of a stay the engine meets for the first time in this process: its stored state plus the readings
 * committed after it (a restart), else rebuilt from its recent history (a stay the engine has never seen), with or
 * without support running.
 */
export async function rebuildStayMemory({
  db,
  stay,
  now,
  prepare,
  judge,
}: {
  db: Db;
  stay: TMonitoredStay;
  now: number;
  /** Run on the memory before any replay: brings a stored state to what runs now (stay-memory.ts followStay). */
  prepare: (memory: TStayMemory) => void;
  judge: (memory: TStayMemory, readings: readonly TStayReading[]) => Promise<void>;
}): Promise<TStayMemory> {
  const stored = await loadAlarmEngineState({ db, stayId: stay.id });
  // Read when the engine first meets the stay: a weight recorded later counts from the station's next start.
  const weightKg = await findStayWeight({ db, stayId: stay.id });
  const memory = newStayMemory(stay, stored, weightKg);
  prepare(memory);
  const fromTime = stored ? 0 : Math.max(stay.admittedAt, now - REBUILD_WINDOW_MS);
  // Paged: better-sqlite3 reads synchronously, and a day of one stay's readings is tens of thousands of rows.
  for (let read = 0; read < REPLAY_LIMIT; read += REPLAY_PAGE) {
    const page = await findStayReadingsSince({
      db,
      stayId: stay.id,
      sinceSeq: memory.lastSeq,
      fromTime,
      limit: REPLAY_PAGE,
    });
    if (page.length > 0) await judge(memory, page);
    if (page.length < REPLAY_PAGE) break;
    await yieldToEventLoop();
  }
  return memory;
}
