import type { TReadingInput, TWriteResult } from "@/lib/observations/reading";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import { validateReading, type TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "@/lib/db/client";
import {
  MAX_READINGS_PER_BULK_COMMIT,
  MAX_READINGS_PER_COMMIT,
  insertObservations,
} from "@/lib/db/observations/insert-observations";
import type { EpisodeDirectory } from "./episode-directory";

/** One submit's valid readings, committed in order, possibly over several transactions. */
interface Group {
  readonly readings: readonly TValidReading[];
  /** Where each reading's result goes in the submit's answer. */
  readonly indexes: readonly number[];
  readonly results: TWriteResult[];
  /** The leader's term a leader-only producer submitted in (ObservationWriter.fenced); undefined for the others. */
  readonly epoch: number | undefined;
  /** Readings before this one are in a transaction already. */
  taken: number;
  left: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** A run of one group's readings within a transaction. */
interface Slice {
  readonly group: Group;
  readonly from: number;
  readonly to: number;
}

export interface ObservationWriterOptions {
  db: Db;
  episodes: EpisodeDirectory;
  now?: () => Date;
  /**
   * Readings per transaction: larger batches amortise the commit, smaller ones shorten the wait. The station's
   * writer keeps the default (MAX_READINGS_PER_COMMIT); an import in its own process may go up to
   * MAX_READINGS_PER_BULK_COMMIT.
   */
  maxBatch?: number;
  /**
   * Commits one batch and answers, reading by reading, its sequence number or null for a reading stored before.
   * Default: insertObservations on the process's shared connection. The import CLI commits on a writer thread
   * (server/imports/worker-inserter.ts).
   */
  insert?: (readings: readonly TValidReading[], receivedAt: Date) => Promise<(number | null)[]>;
}

/**
 * The one write path: validate → persist in batches through one writer → only after commit, resolve the producers'
 * promises. Readings submitted while a transaction runs wait for the next one, so under load batches grow by
 * themselves and at low rate a reading waits for nothing but its own commit. Screens and the alarm engine hear of
 * the commit from the change feed (server/changes), which the commit wakes, as they hear of any other writer's.
 */
export class ObservationWriter implements ReadingSink {
  private queue: Group[] = [];
  private flushing: Promise<void> | null = null;
  private readonly now: () => Date;
  private readonly maxBatch: number;

  constructor(private readonly options: ObservationWriterOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxBatch = Math.min(options.maxBatch ?? MAX_READINGS_PER_COMMIT, MAX_READINGS_PER_BULK_COMMIT);
  }

  submit(readings: readonly TReadingInput[]): Promise<TWriteResult[]> {
    return this.validateAndEnqueue(readings, undefined);
  }

  /**
   * The sink of a producer that runs on the leader only (the simulator), for the term `epoch`: its readings commit in
   * transactions of their own (never with another producer's, whose readings a refusal must not take down) that first
   * check the epoch, so once another node has become leader they are refused with a FencedError and nothing is stored.
   */
  fenced(epoch: number): ReadingSink {
    if (this.options.insert) throw new Error("ObservationWriter: a writer with its own insert cannot fence readings");
    return {
      submit: (readings) => this.validateAndEnqueue(readings, epoch),
      submitValid: (readings) => this.enqueueValid(readings, epoch),
    };
  }

  private async validateAndEnqueue(
    readings: readonly TReadingInput[],
    epoch: number | undefined,
  ): Promise<TWriteResult[]> {
    const now = this.now();
    // Each episode is looked up once per call rather than once per reading: an import hands over thousands of
    // readings for a few dozen episodes.
    const episodeIds = new Set<string>();
    for (const input of readings) if (typeof input?.episodeId === "string") episodeIds.add(input.episodeId);
    const episodes = new Map(
      await Promise.all([...episodeIds].map(async (id) => [id, await this.options.episodes.get(id)] as const)),
    );
    const results: TWriteResult[] = new Array<TWriteResult>(readings.length);
    const valid: TValidReading[] = [];
    const indexes: number[] = [];
    readings.forEach((input, index) => {
      const episode = typeof input?.episodeId === "string" ? episodes.get(input.episodeId) : undefined;
      const validation = validateReading(input, episode, now);
      if (validation.ok) {
        valid.push(validation.reading);
        indexes.push(index);
      } else results[index] = { status: "rejected", rejection: validation.rejection };
    });
    if (valid.length > 0) await this.enqueue(valid, indexes, results, epoch);
    return results;
  }

  /**
   * For a producer that has just checked its readings with validateReading itself, against the episode and the clock
   * the writer would use (the importer, lib/db/imports/run-import.ts): the same commit and answers as submit,
   * without a second check of each reading.
   */
  submitValid(readings: readonly TValidReading[]): Promise<TWriteResult[]> {
    return this.enqueueValid(readings, undefined);
  }

  private async enqueueValid(readings: readonly TValidReading[], epoch: number | undefined): Promise<TWriteResult[]> {
    const results: TWriteResult[] = new Array<TWriteResult>(readings.length);
    if (readings.length > 0) await this.enqueue(readings, Array.from(readings.keys()), results, epoch);
    return results;
  }

  /** One entry per submit, not per reading: an import hands over thousands at a time. */
  private enqueue(
    readings: readonly TValidReading[],
    indexes: readonly number[],
    results: TWriteResult[],
    epoch: number | undefined,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ readings, indexes, results, epoch, taken: 0, left: readings.length, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Resolves when everything submitted so far is committed; used at shutdown. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    try {
      for (;;) {
        // Before each batch, let the current tick's submissions join it: before the first, those of the tick that
        // started the loop; after a commit, those of the producers it answered, who submit again at once. Without
        // this turn the loop took the queue before they were back, and under load batches alternated between full
        // and a remnant (four producers of 768: 3,000 then 72, then 2,304 and 768, ...: twice the commits).
        await new Promise((r) => setImmediate(r));
        if (this.queue.length === 0) break;
        // Up to maxBatch readings from the queue's head, a submit's readings split across transactions if need be;
        // readings of one term (or of none) only, since the fence of a term decides for the whole transaction.
        const batch: Slice[] = [];
        let size = 0;
        const epoch = (this.queue[0] as Group).epoch;
        while (size < this.maxBatch && this.queue.length > 0 && (this.queue[0] as Group).epoch === epoch) {
          const group = this.queue[0] as Group;
          const to = Math.min(group.readings.length, group.taken + this.maxBatch - size);
          batch.push({ group, from: group.taken, to });
          size += to - group.taken;
          group.taken = to;
          if (to === group.readings.length) this.queue.shift();
        }
        await this.commit(batch, size, epoch);
      }
    } finally {
      this.flushing = null;
    }
  }

  private async commit(batch: readonly Slice[], size: number, epoch: number | undefined): Promise<void> {
    const readings: TValidReading[] = new Array<TValidReading>(size);
    let n = 0;
    for (const { group, from, to } of batch)
      for (let i = from; i < to; i += 1) readings[n++] = group.readings[i] as TValidReading;
    const receivedAt = this.now();
    let seqs: (number | null)[];
    try {
      // A reading already stored, or sent twice in this batch, is skipped by the database and comes back as null.
      seqs = await (this.options.insert
        ? this.options.insert(readings, receivedAt)
        : insertObservations({ db: this.options.db, readings, receivedAt, epoch }));
    } catch (error) {
      // Nothing was committed (the transaction rolled back): the producers are told, nothing is acknowledged.
      const failed = new Set(batch.map((s) => s.group));
      for (const group of failed) {
        this.queue = this.queue.filter((g) => g !== group);
        group.reject(error);
      }
      return;
    }
    n = 0;
    for (const { group, from, to } of batch) {
      for (let i = from; i < to; i += 1) {
        const seq = seqs[n++];
        const index = group.indexes[i] as number;
        if (seq === null || seq === undefined) {
          group.results[index] = { status: "duplicate" };
          continue;
        }
        group.results[index] = { status: "stored", seq };
      }
      group.left -= to - from;
      if (group.left === 0) group.resolve();
    }
  }
}
