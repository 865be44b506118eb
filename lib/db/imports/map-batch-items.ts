import type { TImportRecord, TImportRejection } from "@/lib/imports/import-record";
import { mapImportRecord, type TMappedRecord } from "@/lib/imports/map-import-record";
import type { TParameterCode } from "@/lib/catalogue";
import { noteOutcome, rejectRecord, type TBatchItem, type TImportBatch } from "./import-batch";
import type { TImportRun } from "./import-run";

export interface TMappedItem {
  readonly index: number;
  readonly m: Extract<TMappedRecord, { outcome: "mapped" }>;
}

/** A result of a monitored analyte refused because its value could not be read. */
export interface TUnreadableResult {
  readonly record: TImportRecord;
  readonly parameter: TParameterCode;
  readonly rejection: TImportRejection;
}

/**
 * The first step of a batch: each item mapped to the catalogue. A piece the reader could not make out and a record
 * that maps to nothing readable are rejected, a code the catalogue does not follow is ignored (and counted by code).
 * The results of a monitored analyte whose value could not be read are returned apart: once the patient is known,
 * each is recorded at the bed with a technical alarm, so that nothing refused is invisible.
 */
export function mapBatchItems(
  run: TImportRun,
  batch: TImportBatch,
  items: readonly TBatchItem[],
): { mapped: TMappedItem[]; unreadable: TUnreadableResult[] } {
  const mapped: TMappedItem[] = [];
  const unreadable: TUnreadableResult[] = [];
  for (const [index, item] of items.entries()) {
    batch.delta.processed += 1;
    if (item.type === "unreadable") {
      run.unreadableItems += 1;
      rejectRecord(batch, item.rejection, index, item.entry);
      continue;
    }
    const m = mapImportRecord({ record: item.record, codes: run.codes });
    if (m.outcome === "ignored") {
      batch.delta.ignored += 1;
      batch.ignored[m.code] = (batch.ignored[m.code] ?? 0) + 1;
      noteOutcome(run, batch, item.record, index, "ignored");
    } else if (m.outcome === "rejected") {
      rejectRecord(batch, m.rejection, index, item.record.location.entry);
      if (m.parameter && m.rejection.code === "NOT_NUMERIC")
        unreadable.push({ record: item.record, parameter: m.parameter, rejection: m.rejection });
    } else mapped.push({ index, m });
  }
  return { mapped, unreadable };
}
