import { randomUUID } from "node:crypto";
import { createCodeIndex } from "@/lib/imports/codes/create-code-index";
import type { TLocalCode } from "@/lib/imports/codes/local-codes";
import { EMPTY_COUNTS, type TImportCounts } from "@/lib/imports/import-job";
import {
  formatLocation,
  type TImportChunk,
  type TImportItem,
  type TImportKind,
  type TImportRecord,
  type TImportRejection,
} from "@/lib/imports/import-record";
import { mapImportRecord, type TMappedRecord } from "@/lib/imports/map-import-record";
import type { TObservationSource, TReadingInput, TWriteResult } from "@/lib/observations/reading";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import { validateStayReading, type TValidReading } from "@/lib/observations/validate-reading";
import type { TParameterCode } from "@/lib/catalogue";
import type { Db } from "../client";
import type { TNewLabRefusal } from "../labs/lab-refusal";
import { recordLabRefusals } from "../labs/record-lab-refusals";
import { MAX_READINGS_PER_BULK_COMMIT } from "../observations/insert-observations";
import { applyAdtItem } from "./apply-adt-item";
import { createImportJob } from "./create-import-job";
import { contentKey, findExistingObservations, type TContentKey } from "./find-existing-observations";
import { findPatientStays, type TPatientStay } from "./find-patient-stays";
import { finishImportJob } from "./finish-import-job";
import { recordImportBatch } from "./record-import-batch";
import { toImportRejection } from "./to-import-rejection";

export type TRecordOutcome = {
  readonly location: string;
  /** The FHIR Bundle entry the record came from, for per-entry answers. */
  readonly entry?: number;
  readonly status: "accepted" | "duplicate" | "rejected" | "ignored";
  readonly rejection?: TImportRejection;
};

export interface TImportSummary extends TImportCounts {
  readonly jobId: string;
  readonly kind: TImportKind;
  readonly fileName: string;
  readonly status: "done" | "failed";
  readonly dryRun: boolean;
  readonly error?: string;
  readonly ignoredCodes: Record<string, number>;
  /** The first rejections (all of them are in the job's report). */
  readonly rejections: TImportRejection[];
  readonly outcomes?: TRecordOutcome[];
}

/** A job's state while it runs (after each batch) and when it ends. */
export type TImportState = Omit<TImportSummary, "status"> & { readonly status: "running" | "done" | "failed" };

export interface TRunImportOptions {
  db: Db;
  sink: ReadingSink;
  items: AsyncIterable<TImportChunk> | Iterable<TImportChunk>;
  kind: TImportKind;
  fileName: string;
  actor: string;
  dryRun?: boolean;
  /** The clock for "a time in the future"; the write path must use the same one. */
  now?: () => Date;
  localCodes?: readonly TLocalCode[];
  /**
   * Records per batch (default 2,000, at most MAX_READINGS_PER_BULK_COMMIT); each batch is committed in one
   * transaction when the writer's own batch is as large (the CLI's is).
   */
  batchSize?: number;
  jobId?: string;
  onProgress?: (state: TImportState) => void;
  /**
   * For a file: why it gave no readable record (lib/imports/inspect-source.ts). When given and nothing was read, the
   * job fails with this reason instead of ending "done, 0 processed". Not for an API message (an empty FHIR batch is a
   * valid request).
   */
  nothingRead?: () => string;
  /**
   * For a file: why it is not text at all (empty or binary; lib/imports/inspect-source.ts). When the reader stops
   * before any record (a binary file's first bytes taken for a CSV header), the job fails with this reason rather
   * than the reader's.
   */
  notText?: () => string | undefined;
  /** Keep every record's outcome in the summary (FHIR answers, MLLP acknowledgements): for small inputs only. */
  collectOutcomes?: boolean;
}

/** What a batch holds: results and unreadable pieces; an ADT message is applied on its own, between batches. */
type TBatchItem = Exclude<TImportItem, { type: "adt" }>;

const SOURCE: Record<TImportKind, TObservationSource> = { hl7: "hl7", fhir: "fhir", csv: "csv", mimic: "csv" };
const REJECTIONS_KEPT = 100;
/**
 * Patients looked up, kept across batches so that a file of one patient asks once. Bounded: a file whose every row
 * names another patient (100,000 unknown identifiers) held them all (30 MB more for the import's life); past this
 * many, the cache starts again, and a patient named again is asked again (one query per batch at most).
 */
const PATIENTS_CACHED = 10_000;

interface TCandidate {
  /** The record's position in its batch, so that the report follows the source's order. */
  readonly index: number;
  readonly record: TImportRecord;
  readonly input: TReadingInput;
  /** The reading as the write path will store it (its value in the catalogue's unit). */
  readonly valid: TValidReading;
  readonly corrected: boolean;
}

/**
 * Imports records as one job: map each to the catalogue, match its patient to the admitted stay, validate it as the
 * write path will, skip what is already stored (same source reference, or same stay, parameter, time and
 * value), and hand the rest to the write path a batch at a time, each batch committed whole. The job's counts and
 * rejections are recorded after each batch, so a job stopped mid-way shows how far it got; a dry run does everything
 * but the write and reports the same counts.
 */
export async function runImport(options: TRunImportOptions): Promise<TImportSummary> {
  const { db, sink, kind, fileName, actor, dryRun = false, collectOutcomes = false } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = Math.min(Math.max(options.batchSize ?? 2_000, 1), MAX_READINGS_PER_BULK_COMMIT);
  const jobId = options.jobId ?? randomUUID();
  const source = SOURCE[kind];
  const codes = createCodeIndex({ localCodes: options.localCodes });
  const patients = new Map<string, TPatientStay | null>();
  // A dry run commits nothing, so a reading repeated in a later batch is found here rather than in the database.
  const seenInDryRun = dryRun ? new Set<string>() : undefined;

  const counts: { -readonly [K in keyof TImportCounts]: TImportCounts[K] } = { ...EMPTY_COUNTS };
  /** Records the reader could not even make out (a binary or cut file gives only these). */
  let unreadableItems = 0;
  const ignoredCodes: Record<string, number> = {};
  const kept: TImportRejection[] = [];
  const outcomes: TRecordOutcome[] | undefined = collectOutcomes ? [] : undefined;
  const summary = (status: TImportState["status"], error?: string): TImportState => ({
    jobId,
    kind,
    fileName,
    status,
    dryRun,
    error,
    ...counts,
    ignoredCodes: { ...ignoredCodes },
    rejections: [...kept],
    outcomes,
  });

  await createImportJob({ db, id: jobId, kind, fileName, actor, dryRun, startedAt: now() });

  /**
   * Maps, matches and validates a batch; resolves to a function that hands it to the write path and returns the wait
   * for its commit, after which it is counted and the job's progress recorded. The next batch is read and checked
   * while this one commits (on the import CLI's writer thread, side by side on two cores), and sent only once this
   * one is committed and counted: a failed batch stops the import before anything after it is written. Each batch
   * counts apart until it is finished, so the job's recorded counts are always those of committed batches.
   */
  const prepareBatch = async (batch: TBatchItem[]): Promise<() => Promise<void>> => {
    const delta: { -readonly [K in keyof TImportCounts]: TImportCounts[K] } = { ...EMPTY_COUNTS };
    const batchIgnored: Record<string, number> = {};
    // Outcomes are gathered with the record's position in the batch and sorted at the end, so the report follows the
    // source's order although rejections are found in two passes (mapping, then validation).
    const batchOutcomes: { index: number; outcome: TRecordOutcome }[] = [];
    const reject = (rejection: TImportRejection, index: number, entry?: number) => {
      delta.rejected += 1;
      batchOutcomes.push({ index, outcome: { location: rejection.location, entry, status: "rejected", rejection } });
    };
    // Only rejections are reported unless every outcome was asked for: an accepted row of a million-row file needs
    // no location text.
    const outcome = (record: TImportRecord, index: number, status: "accepted" | "duplicate" | "ignored") => {
      if (outcomes)
        batchOutcomes.push({
          index,
          outcome: { location: formatLocation(record.location), entry: record.location.entry, status },
        });
    };

    const mapped: { index: number; m: Extract<TMappedRecord, { outcome: "mapped" }> }[] = [];
    // Results of a monitored analyte refused because their unit or value could not be read: once the patient is
    // known, each is recorded at the bed with a technical alarm (lib/db/labs), so that nothing refused is invisible.
    const unreadable: { record: TImportRecord; parameter: TParameterCode; rejection: TImportRejection }[] = [];
    const refusals: TNewLabRefusal[] = [];
    for (const [index, item] of batch.entries()) {
      delta.processed += 1;
      if (item.type === "unreadable") {
        unreadableItems += 1;
        reject(item.rejection, index, item.entry);
        continue;
      }
      const m = mapImportRecord({ record: item.record, codes });
      if (m.outcome === "ignored") {
        delta.ignored += 1;
        batchIgnored[m.code] = (batchIgnored[m.code] ?? 0) + 1;
        outcome(item.record, index, "ignored");
      } else if (m.outcome === "rejected") {
        reject(m.rejection, index, item.record.location.entry);
        if (m.parameter && m.rejection.code === "NOT_NUMERIC")
          unreadable.push({ record: item.record, parameter: m.parameter, rejection: m.rejection });
      } else mapped.push({ index, m });
    }

    if (patients.size > PATIENTS_CACHED) patients.clear();
    const unknown = new Set<string>();
    for (const { record } of [...mapped.map(({ m }) => m), ...unreadable])
      for (const id of record.patientIdentifiers) if (!patients.has(id)) unknown.add(id);
    const found = await findPatientStays({ db, identifiers: [...unknown] });
    for (const id of unknown) patients.set(id, found.get(id) ?? null);

    // A refused result is recorded at the bed of a patient on support (LabRefusal belongs to the running episode).
    const activeEpisodeOf = (record: TImportRecord) => {
      let patient: TPatientStay | undefined;
      for (const id of record.patientIdentifiers) if ((patient = patients.get(id) ?? undefined)) break;
      return patient?.stay?.episodes.find((e) => e.endedAt === null);
    };
    for (const u of unreadable) {
      const episode = activeEpisodeOf(u.record);
      if (episode)
        refusals.push({
          episodeId: episode.id,
          parameter: u.parameter,
          observedAt: u.record.time.ok ? u.record.time.at : null,
          field: u.rejection.field,
          value: u.rejection.value,
          what: "value",
          reason: u.rejection.reason,
          source,
          sourceRef: u.record.sourceRef,
        });
    }

    const at = now();
    const candidates: TCandidate[] = [];
    for (const { index, m } of mapped) {
      const { record } = m;
      let patient: TPatientStay | undefined;
      for (const id of record.patientIdentifiers) if ((patient = patients.get(id) ?? undefined)) break;
      // The admitted stay receives the reading; validateStayReading checks its time against the stay, and a support
      // device's own parameter against the episode running then.
      const stay = patient?.stay ?? undefined;
      const episode = stay?.episodes.find((e) => e.endedAt === null);
      const input: TReadingInput = {
        parameter: m.parameter,
        value: m.value,
        unit: record.unit,
        observedAt: m.observedAt,
        source,
        sourceRef: record.sourceRef,
        lab: m.lab,
      };
      const validation = validateStayReading(input, stay, at);
      if (!validation.ok) {
        const rejection = toImportRejection(record, validation.rejection, patient);
        reject(rejection, index, record.location.entry);
        if (episode && validation.rejection.code === "UNIT_NOT_ACCEPTED")
          refusals.push({
            episodeId: episode.id,
            parameter: m.parameter,
            observedAt: m.observedAt,
            field: rejection.field,
            value: record.unit,
            what: "unit",
            reason: rejection.reason,
            source,
            sourceRef: record.sourceRef,
          });
        continue;
      }
      candidates.push({ index, record, input, valid: validation.reading, corrected: m.corrected });
    }

    // A real run hands every candidate to the write path, which skips a reading stored before or sent twice, by source
    // reference or by content, in the transaction that would store it, and says so. A dry run writes nothing, so it
    // asks the database, and remembers what it saw in earlier batches, to report the same duplicates.
    let fresh = candidates;
    if (seenInDryRun) {
      const contents = candidates.map(({ valid: r }) => ({
        stayId: r.stayId,
        parameter: r.parameter,
        observedAt: r.observedAt.getTime(),
        value: r.value,
      }));
      const existing = await findExistingObservations({
        db,
        source,
        sourceRefs: candidates.map((c) => c.input.sourceRef),
        contents,
      });
      fresh = [];
      candidates.forEach((c, i) => {
        const refKey = `ref\u0000${c.input.sourceRef}`;
        const key = contentKey(contents[i] as TContentKey);
        const duplicate =
          existing.refs.has(c.input.sourceRef) ||
          existing.contents.has(key) ||
          seenInDryRun.has(refKey) ||
          seenInDryRun.has(key);
        seenInDryRun.add(refKey).add(key);
        if (duplicate) {
          delta.duplicate += 1;
          outcome(c.record, c.index, "duplicate");
        } else fresh.push(c);
      });
    }

    return () => {
      // Checked a moment ago against the same episode and clock: the writer need not check them again.
      const submitted = dryRun || fresh.length === 0 ? undefined : sink.submitValid(fresh.map((c) => c.valid));
      // Handled here as well as where it is awaited, so that a failed commit is not an unhandled rejection while the
      // next batch is being prepared.
      submitted?.catch(() => undefined);
      return finish(submitted);
    };

    async function finish(submitted: Promise<TWriteResult[]> | undefined) {
      if (dryRun) {
        for (const c of fresh) accept(c);
      } else if (submitted) {
        const results = await submitted;
        fresh.forEach((c, i) => {
          const result = results[i];
          if (result?.status === "stored") accept(c);
          else if (result?.status === "duplicate") {
            delta.duplicate += 1;
            outcome(c.record, c.index, "duplicate");
          } else if (result?.status === "rejected")
            reject(toImportRejection(c.record, result.rejection, undefined), c.index, c.record.location.entry);
        });
      }
      for (const key of Object.keys(delta) as (keyof TImportCounts)[]) counts[key] += delta[key];
      for (const [code, n] of Object.entries(batchIgnored)) ignoredCodes[code] = (ignoredCodes[code] ?? 0) + n;
      batchOutcomes.sort((a, b) => a.index - b.index);
      const rejections = batchOutcomes.flatMap((f) => (f.outcome.rejection ? [f.outcome.rejection] : []));
      for (const r of rejections) if (kept.length < REJECTIONS_KEPT) kept.push(r);
      if (outcomes) for (const f of batchOutcomes) outcomes.push(f.outcome);
      if (!dryRun) await recordLabRefusals({ db, refusals, now: now() });
      await recordImportBatch({ db, jobId, counts, ignoredCodes, rejections });
      options.onProgress?.(summary("running"));
    }

    function accept(c: TCandidate) {
      delta.accepted += 1;
      if (c.corrected) delta.corrected += 1;
      outcome(c.record, c.index, "accepted");
    }
  };

  let inFlight: Promise<void> | null = null;
  const finishInFlight = async () => {
    const committing = inFlight;
    inFlight = null;
    await committing;
  };
  const startBatch = async (batch: TBatchItem[]) => {
    const send = await prepareBatch(batch);
    await finishInFlight();
    inFlight = send();
    // Marked handled: it is awaited before the next batch is sent, or in the catch below.
    inFlight.catch(() => undefined);
  };

  try {
    let batch: TBatchItem[] = [];
    for await (const chunk of options.items) {
      for (const item of isChunk(chunk) ? chunk : [chunk]) {
        if (item.type === "adt") {
          // The results before it are committed first, and the patients' episodes read again after it.
          if (batch.length > 0) await startBatch(batch);
          batch = [];
          await finishInFlight();
          patients.clear();
          const rejection = await applyAdtItem({ db, ...item, dryRun, now: now() });
          counts.processed += 1;
          if (rejection) counts.rejected += 1;
          else counts.accepted += 1;
          if (rejection && kept.length < REJECTIONS_KEPT) kept.push(rejection);
          outcomes?.push({
            location: item.location,
            status: rejection ? "rejected" : "accepted",
            rejection: rejection ?? undefined,
          });
          await recordImportBatch({ db, jobId, counts, ignoredCodes, rejections: rejection ? [rejection] : [] });
          continue;
        }
        batch.push(item);
        if (batch.length >= batchSize) {
          await startBatch(batch);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await startBatch(batch);
    await finishInFlight();
    if (counts.processed === unreadableItems && options.nothingRead) {
      const first = kept[0];
      const reason = `${options.nothingRead()}${first && unreadableItems > 0 ? ` (${first.location}: ${first.reason})` : ""}`;
      await finishImportJob({ db, jobId, error: reason, finishedAt: now() });
      const failed = summary("failed", reason);
      options.onProgress?.(failed);
      return { ...failed, status: "failed" };
    }
  } catch (error) {
    // A batch already handed to the write path is still counted if it committed.
    await finishInFlight().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const notText = counts.processed === 0 ? options.notText?.() : undefined;
    const reason =
      notText ??
      `stopped after ${counts.processed} records: ${message}. Batches committed before the failure are kept; run the same import again to complete it (nothing is stored twice).`;
    try {
      await finishImportJob({ db, jobId, error: reason, finishedAt: now() });
    } catch {
      // The database itself failed: the job stays "running" with the counts of its last committed batch.
    }
    const failed = summary("failed", reason);
    options.onProgress?.(failed);
    return { ...failed, status: "failed" };
  }
  await finishImportJob({ db, jobId, finishedAt: now() });
  const done = summary("done");
  options.onProgress?.(done);
  return { ...done, status: "done" };
}

function isChunk(chunk: TImportChunk): chunk is readonly TImportItem[] {
  return Array.isArray(chunk);
}
