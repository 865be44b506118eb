import { EMPTY_COUNTS } from "@/lib/imports/import-job";
import {
  formatLocation,
  type TImportItem,
  type TImportRecord,
  type TImportRejection,
} from "@/lib/imports/import-record";
import type { TValidReading } from "@/lib/observations/validate-reading";
import type { TNewLabRefusal } from "../labs/lab-refusal";
import type { TImportRun, TMutableCounts, TRecordOutcome } from "./import-run";

/** What a batch holds: results and unreadable pieces; an ADT message is applied on its own, between batches. */
export type TBatchItem = Exclude<TImportItem, { type: "adt" }>;

/** A record ready for the write path. */
export interface TCandidate {
  /** The record's position in its batch, so that the report follows the source's order. */
  readonly index: number;
  readonly record: TImportRecord;
  /** The reading as the write path will store it (its value in the catalogue's unit). */
  readonly valid: TValidReading;
  readonly corrected: boolean;
}

/**
 * One batch's counts, outcomes and refusals, kept apart from the run's until the batch is committed
 * (finishImportBatch), so that the job's recorded counts are always those of committed batches.
 */
export interface TImportBatch {
  readonly delta: TMutableCounts;
  readonly ignored: Record<string, number>;
  /**
   * Outcomes with the record's position in the batch, sorted when the batch is finished, so that the report follows
   * the source's order although rejections are found in two passes (mapping, then validation).
   */
  readonly outcomes: { index: number; outcome: TRecordOutcome }[];
  /** Results of a monitored analyte of a known patient that could not be read, recorded at the bed (lib/db/labs). */
  readonly refusals: TNewLabRefusal[];
}

export function createImportBatch(): TImportBatch {
  return { delta: { ...EMPTY_COUNTS }, ignored: {}, outcomes: [], refusals: [] };
}

export function rejectRecord(batch: TImportBatch, rejection: TImportRejection, index: number, entry?: number): void {
  batch.delta.rejected += 1;
  batch.outcomes.push({ index, outcome: { location: rejection.location, entry, status: "rejected", rejection } });
}

/**
 * Notes an outcome other than a rejection. Only rejections are reported unless every outcome was asked for: an
 * accepted row of a million-row file needs no location text.
 */
export function noteOutcome(
  run: TImportRun,
  batch: TImportBatch,
  record: TImportRecord,
  index: number,
  status: "accepted" | "duplicate" | "ignored",
): void {
  if (run.outcomes)
    batch.outcomes.push({
      index,
      outcome: { location: formatLocation(record.location), entry: record.location.entry, status },
    });
}

export function acceptCandidate(run: TImportRun, batch: TImportBatch, c: TCandidate): void {
  batch.delta.accepted += 1;
  if (c.corrected) batch.delta.corrected += 1;
  noteOutcome(run, batch, c.record, c.index, "accepted");
}

export function countDuplicate(run: TImportRun, batch: TImportBatch, c: TCandidate): void {
  batch.delta.duplicate += 1;
  noteOutcome(run, batch, c.record, c.index, "duplicate");
}
