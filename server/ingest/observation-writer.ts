import type { TCommittedObservation } from "@/lib/observations/observation";
import type { TReadingInput, TWriteResult } from "@/lib/observations/reading";
import { validateReading, type TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "@/lib/server/db/client";
import { MAX_ROWS_PER_STATEMENT, insertObservations } from "@/lib/server/observations/insert-observations";
import type { EpisodeDirectory } from "./episode-directory";
import type { ReadingSink } from "./reading-sink";

interface Pending {
  reading: TValidReading;
  resolve: (result: TWriteResult) => void;
  reject: (error: unknown) => void;
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
    this.maxBatch = Math.min(options.maxBatch ?? MAX_ROWS_PER_STATEMENT, MAX_ROWS_PER_STATEMENT);
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
    const results = await Promise.all(
      readings.map(async (input): Promise<TWriteResult | TValidReading> => {
        const episodeId = typeof input?.episodeId === "string" ? input.episodeId : undefined;
        const episode = episodeId ? await this.options.episodes.get(episodeId) : undefined;
        const validation = validateReading(input, episode, now);
        return validation.ok ? validation.reading : { status: "rejected", rejection: validation.rejection };
      }),
    );
    return Promise.all(
      results.map((r) => ("status" in r ? Promise.resolve(r) : this.enqueue(r))),
    );
  }

  /** Resolves when everything submitted so far is committed; used at shutdown. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private enqueue(reading: TValidReading): Promise<TWriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ reading, resolve, reject });
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
    let inserted;
    try {
      inserted = await insertObservations({ db: this.options.db, readings: firsts.map((p) => p.reading), receivedAt });
    } catch (error) {
      // Nothing was committed (the transaction rolled back): the producers are told, nothing is acknowledged.
      for (const p of batch) p.reject(error);
      return;
    }
    const seqByKey = new Map(inserted.map((k) => [`${k.source}\u0000${k.sourceRef}`, k.seq]));
    const stored: TCommittedObservation[] = [];
    for (const [key, p] of unique) {
      const seq = seqByKey.get(key);
      if (seq === undefined) {
        p.resolve({ status: "duplicate" });
        continue;
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
      p.resolve({ status: "stored", seq });
    }
    for (const p of repeats) p.resolve({ status: "duplicate" });
    stored.sort((a, b) => a.seq - b.seq);
    const last = stored.at(-1);
    if (last) this.lastSeq = Math.max(this.lastSeq, last.seq);
    if (stored.length > 0) this.options.onCommitted(stored);
  }
}
