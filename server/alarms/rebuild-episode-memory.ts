import type { TAlarmReading } from "@/lib/alarms/alarm-state";
import { loadAlarmEngineState } from "@/lib/db/alarms/alarm-engine-state";
import { findEpisodeReadingsSince } from "@/lib/db/alarms/find-episode-readings-since";
import { findEpisodeWeight } from "@/lib/db/alarms/find-episode-weight";
import type { Db } from "@/lib/db/client";
import type { TEpisodeContext } from "@/lib/observations/validate-reading";
import { newEpisodeMemory, type TEpisodeMemory } from "./episode-memory";
import { yieldToEventLoop } from "./yield-to-event-loop";

/** An episode the engine meets without a stored state is rebuilt from this much of its history. */
const REBUILD_WINDOW_MS = 24 * 3_600_000;
const REPLAY_LIMIT = 300_000;
const REPLAY_PAGE = 10_000;

/**
 * The memory of an episode the engine meets for the first time in this process: its stored state plus the readings
 * committed after it (a restart), else rebuilt from its recent history (an episode the engine has never seen).
 */
export async function rebuildEpisodeMemory({
  db,
  context,
  now,
  judge,
}: {
  db: Db;
  context: TEpisodeContext;
  now: number;
  judge: (memory: TEpisodeMemory, readings: readonly TAlarmReading[]) => Promise<void>;
}): Promise<TEpisodeMemory> {
  const episodeId = context.id;
  const stored = await loadAlarmEngineState({ db, episodeId });
  // Read when the engine first meets the episode: a weight recorded later counts from the station's next start.
  const weightKg = await findEpisodeWeight({ db, episodeId });
  const memory = newEpisodeMemory(context, stored, weightKg);
  const fromTime = stored ? 0 : Math.max(context.startedAt.getTime(), now - REBUILD_WINDOW_MS);
  // Paged: better-sqlite3 reads synchronously, and a day of one episode's readings is tens of thousands of rows.
  for (let read = 0; read < REPLAY_LIMIT; read += REPLAY_PAGE) {
    const page = await findEpisodeReadingsSince({
      db,
      stayId: context.stayId,
      episodeId,
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
