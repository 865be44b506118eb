import type { TCommittedObservation } from "@/lib/observations/observation";
import type { TReadingInput, TWriteResult } from "@/lib/observations/reading";
import { validateReading, type TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "@/lib/server/db/client";
import { MAX_READINGS_PER_COMMIT, insertObservations } from "@/lib/server/observations/insert-observations";
import type { EpisodeDirectory } from "./episode-directory";
import type { ReadingSink } from "./reading-sink";

interface Pending {
  reading: TValidReading;
  settle: (result: TWriteResult) => void;
  fail: (error: unknown) => void;
}

export interface ObservationWriterOptions {
  db: Db;
  episodes: EpisodeDirectory;
  /** Called after each commit with the stored readings in commit order; it broadcasts. */
  onCommitted: (observations: TCommittedObservation[]) => void;
  now?: () => Date;
  /** Readings per transaction: larger batches amortise the commit, smaller ones shorten the wait. */
  maxBatch?: number;
}

/**
 * The one write path: validate → persist in batches through one writer → only after commit, resolve the producers'
 * promises and notify. Readings submitted while a transaction runs wait for the next one, so under load batches
 * grow by themselves and at low rate a reading waits for nothing but its own commit.
 */
export class ObservationWriter implements ReadingSink {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private lastSeq = 0;
  private readonly now: () => Date;
  private readonly maxBatch: number;

  constructor(private readonly options: ObservationWriterOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxBatch = Math.min(options.maxBatch ?? MAX_READINGS_PER_COMMIT, MAX_READINGS_PER_COMMIT);
  }

  /** The highest sequence number this writer has committed (or was told of at start-up). */
  get committedSeq(): number {
    return this.lastSeq;
  }

  setInitialSeq(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  async submit(readings: readonly TReadingInput[]): Promise<TWriteResult[]> {
    const now = this.now();
    // Each episode is looked up once per call rather than once per reading: an import hands over thousands of
    // readings for a few dozen episodes.
    const episodeIds = new Set<string>();
    for (const input of readings) if (typeof input?.episodeId === "string") episodeIds.add(input.episodeId);
    const episodes = new Map(await Promise.all([...episodeIds].map(async (id) => [id, await this.options.episodes.get(id)] as const)));
    const results: TWriteResult[] = new Array<TWriteResult>(readings.length);
    const valid: { index: number; reading: TValidReading }[] = [];
    readings.forEach((input, index) => {
      const episode = typeof input?.episodeId === "string" ? episodes.get(input.episodeId) : undefined;
      const validation = validateReading(input, episode, now);
      if (validation.ok) valid.push({ index, reading: validation.reading });
      else results[index] = { status: "rejected", rejection: validation.rejection };
    });
    if (valid.length > 0) await this.enqueue(valid, results);
    return results;
  }

  /** Resolves when everything submitted so far is committed; used at shutdown. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Resolves once every reading has its result (written into `results`); rejects if a batch holding one failed. */
  private enqueue(valid: readonly { index: number; reading: TValidReading }[], results: TWriteResult[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let left = valid.length;
      for (const { index, reading } of valid) {
        this.queue.push({
          reading,
          settle: (result) => {
            results[index] = result;
            if (--left === 0) resolve();
          },
          fail: reject,
        });
      }
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Let the current tick's submissions join the batch before the first commit.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch);
      }
    } finally {
      this.flushing = null;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    // A reading sent twice in one batch is stored once; the second copy is answered as a duplicate.
    const unique = new Map<string, Pending>();
    const repeats: Pending[] = [];
    for (const p of batch) {
      const key = `${p.reading.source}\u0000${p.reading.sourceRef}`;
      if (unique.has(key)) repeats.push(p);
      else unique.set(key, p);
    }
    const receivedAt = this.now();
    const firsts = [...unique.values()];
    let seqs: (number | null)[];
    try {
      seqs = await insertObservations({ db: this.options.db, readings: firsts.map((p) => p.reading), receivedAt });
    } catch (error) {
      // Nothing was committed (the transaction rolled back): the producers are told, nothing is acknowledged.
      for (const p of batch) p.fail(error);
      return;
    }
    const stored: TCommittedObservation[] = [];
    firsts.forEach((p, i) => {
      const seq = seqs[i];
      if (seq === null || seq === undefined) {
        p.settle({ status: "duplicate" });
        return;
      }
      const r = p.reading;
      stored.push({
        seq,
        episodeId: r.episodeId,
        bedId: r.bedId,
        unitId: r.unitId,
        parameter: r.parameter,
        value: r.value,
        unit: r.unit,
        observedAt: r.observedAt.getTime(),
        receivedAt: receivedAt.getTime(),
        source: r.source,
      });
      p.settle({ status: "stored", seq });
    });
    for (const p of repeats) p.settle({ status: "duplicate" });
    stored.sort((a, b) => a.seq - b.seq);
    const last = stored.at(-1);
    if (last) this.lastSeq = Math.max(this.lastSeq, last.seq);
    if (stored.length > 0) this.options.onCommitted(stored);
  }
}
