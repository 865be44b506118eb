import type { TReadingInput } from "@/lib/observations/reading";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import type { Db } from "@/lib/db/client";
import { listSimulatedEpisodes } from "@/lib/db/episodes/list-simulated-episodes";
import type { Logger } from "@/lib/log/logger";
import { backfillEpisode } from "./backfill-episode";
import { createEpisodeSimulation, type TEpisodeSimulation } from "./create-episode-simulation";
import { generateDeviceReadings } from "./generate-device-readings";
import { generateScheduledReadings } from "./generate-scheduled-readings";

export interface StartSimulatorOptions {
  sink: ReadingSink;
  db: Db;
  seed: string | number;
  /** Scenario time runs `speed` times faster than real time from the start on (see create-scenario-clock.ts). */
  speed?: number;
  /** Real time between device readings (default 5000 ms). */
  tickMs?: number;
  now?: () => Date;
  log: Logger;
  /** History generated for an episode that has none yet (default 24 h) and its device step (default 2 min). */
  backfillWindowMs?: number;
  backfillStepMs?: number;
  /** How often the episode list is re-read, to pick up new demo episodes and drop ended ones (default 60 s). */
  refreshMs?: number;
}

export interface Simulator {
  readonly startedAt: Date;
  /** Beds whose episodes are being simulated. */
  bedIds(): string[];
  /** Cuts or restores one bed's feed: while cut, the bed sends nothing and its tile goes stale. */
  setBedFeed(bedId: string, running: boolean): void;
  /** Runs one tick now (after any tick in progress). Never rejects: failures are logged. */
  tick(): Promise<void>;
  /** Stops the timer and waits for the tick in progress; afterwards nothing runs and no timer is left. */
  stop(): Promise<void>;
}

interface Feed {
  simulation: TEpisodeSimulation;
  /** Device readings were generated up to this tick time. */
  lastTickMs: number;
  /** Labs and hourly charting were generated up to this real time. */
  cursorMs: number;
}

const BACKFILL_BATCH = 5_000;

/**
 * Drives every open episode that has a scenario: backfills the history of those with none, then submits one batch per
 * tick for all beds through the sink (the one write path). Device readings are stamped with the tick time aligned
 * on `tickMs`, so a restart that regenerates a tick produces the same sourceRefs and is stored once.
 */
export async function startSimulator(options: StartSimulatorOptions): Promise<Simulator> {
  const { sink, db, seed, log } = options;
  const speed = options.speed ?? 1;
  const tickMs = options.tickMs ?? 5_000;
  const refreshMs = options.refreshMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  if (!(tickMs >= 1) || !(speed > 0)) throw new Error(`simulator: invalid tickMs ${tickMs} or speed ${speed}`);

  const startedAt = now();
  const feeds = new Map<string, Feed>();
  const paused = new Set<string>();
  const warned = new Set<string>();
  let lastRefreshMs = startedAt.getTime();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  async function submit(readings: readonly TReadingInput[], what: string): Promise<void> {
    if (readings.length === 0) return;
    try {
      const results = await sink.submit(readings);
      const rejected = results.flatMap((r, i) =>
        r.status === "rejected" ? [{ reading: readings[i], reason: r.rejection }] : [],
      );
      if (rejected.length > 0) {
        // Every simulated value is built to pass the catalogue: a refusal here is a simulator bug, so say which.
        log.warn(`simulator: the write path rejected ${rejected.length} reading(s) of ${what}`, rejected.slice(0, 5));
      }
    } catch (error) {
      log.error(`simulator: submitting ${what} failed`, error);
    }
  }

  async function refresh(atMs: number): Promise<void> {
    const { episodes, skipped } = await listSimulatedEpisodes({ db });
    for (const { episodeId, reason } of skipped) {
      if (!warned.has(episodeId)) log.warn(`simulator: episode ${episodeId} not simulated: ${reason}`);
      warned.add(episodeId);
    }
    const open = new Set(episodes.map((e) => e.episode.id));
    for (const id of feeds.keys()) if (!open.has(id)) feeds.delete(id);
    for (const { episode, hasObservations } of episodes) {
      if (feeds.has(episode.id)) continue;
      // Acceleration starts when the simulator takes the episode on: the stored history stays real-time.
      const simulation = createEpisodeSimulation({ seed, episode, speed, serverStartedAt: new Date(atMs) });
      if (!hasObservations) {
        const history = backfillEpisode({
          simulation,
          now: new Date(atMs),
          windowMs: options.backfillWindowMs,
          stepMs: options.backfillStepMs,
        });
        for (let i = 0; i < history.length; i += BACKFILL_BATCH) {
          await submit(history.slice(i, i + BACKFILL_BATCH), `the backfill of ${episode.id}`);
        }
        log.info(`simulator: backfilled ${history.length} readings for ${episode.id} (${episode.scenario})`);
      }
      feeds.set(episode.id, { simulation, lastTickMs: atMs, cursorMs: atMs });
    }
  }

  async function runTick(): Promise<void> {
    if (stopped) return;
    const nowMs = now().getTime();
    if (nowMs - lastRefreshMs >= refreshMs) {
      lastRefreshMs = nowMs;
      await refresh(nowMs);
    }
    const tickAt = Math.floor(nowMs / tickMs) * tickMs;
    const batch: TReadingInput[] = [];
    for (const feed of feeds.values()) {
      const { simulation } = feed;
      if (paused.has(simulation.episode.bedId) || tickAt <= feed.lastTickMs) continue;
      // Labs and charting due while a feed was cut arrive late on resume, as a lab system's backlog would.
      batch.push(...generateScheduledReadings({ simulation, after: new Date(feed.cursorMs), until: new Date(tickAt) }));
      batch.push(...generateDeviceReadings({ simulation, at: new Date(tickAt) }));
      feed.lastTickMs = tickAt;
      feed.cursorMs = tickAt;
    }
    await submit(batch, `the tick at ${new Date(tickAt).toISOString()}`);
  }

  function tick(): Promise<void> {
    const run = chain.then(runTick).catch((error: unknown) => log.error("simulator: tick failed", error));
    chain = run;
    return run;
  }

  function schedule(): void {
    if (stopped) return;
    // Wake on the next multiple of tickMs, so tick times (and sourceRefs) fall on the same grid after a restart.
    const delay = tickMs - (now().getTime() % tickMs);
    timer = setTimeout(() => {
      timer = undefined;
      void tick().then(schedule);
    }, delay);
  }

  await refresh(startedAt.getTime());
  log.info(`simulator: ${feeds.size} episode(s), speed ×${speed}, a tick every ${tickMs} ms`);
  schedule();

  return {
    startedAt,
    bedIds: () => [...new Set([...feeds.values()].map((f) => f.simulation.episode.bedId))],
    setBedFeed(bedId, running) {
      if (running) paused.delete(bedId);
      else paused.add(bedId);
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
  };
}
