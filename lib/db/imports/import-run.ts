import type { TCodeIndex } from "@/lib/imports/codes/create-code-index";
import { EMPTY_COUNTS, type TImportCounts } from "@/lib/imports/import-job";
import type { TImportKind, TImportRejection } from "@/lib/imports/import-record";
import type { TObservationSource } from "@/lib/observations/reading";
import type { Db } from "../client";
import type { TPatientStay } from "./find-patient-stays";

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

export type TMutableCounts = { -readonly [K in keyof TImportCounts]: TImportCounts[K] };

/** Rejections kept in the summary; every one is in the job's report. */
const REJECTIONS_KEPT = 100;

/**
 * What an import keeps from one batch to the next, passed to each step of runImport: its settings, the patients
 * already looked up, and the counts of the batches committed so far (a batch counts apart until it is committed, in
 * its own TImportBatch).
 */
export interface TImportRun {
  readonly db: Db;
  readonly jobId: string;
  readonly kind: TImportKind;
  readonly fileName: string;
  readonly source: TObservationSource;
  readonly dryRun: boolean;
  /** The clock for "a time in the future"; the write path must use the same one. */
  readonly now: () => Date;
  readonly codes: TCodeIndex;
  /** Patients looked up, by identifier (null: not known here), kept across batches so that a file of one patient asks once. */
  readonly patients: Map<string, TPatientStay | null>;
  /** A dry run commits nothing, so a reading repeated in a later batch is found here rather than in the database. */
  readonly seenInDryRun: Set<string> | undefined;
  readonly counts: TMutableCounts;
  /** Records the reader could not even make out (a binary or cut file gives only these). */
  unreadableItems: number;
  readonly ignoredCodes: Record<string, number>;
  /** The first rejections, in the source's order. */
  readonly kept: TImportRejection[];
  /** Every record's outcome, when asked for (FHIR answers, MLLP acknowledgements). */
  readonly outcomes: TRecordOutcome[] | undefined;
  readonly onProgress: ((state: TImportState) => void) | undefined;
}

export function createImportRun(
  settings: Pick<
    TImportRun,
    "db" | "jobId" | "kind" | "fileName" | "source" | "dryRun" | "now" | "codes" | "onProgress"
  > & {
    readonly collectOutcomes: boolean;
  },
): TImportRun {
  const { collectOutcomes, ...fixed } = settings;
  return {
    ...fixed,
    patients: new Map(),
    seenInDryRun: settings.dryRun ? new Set() : undefined,
    counts: { ...EMPTY_COUNTS },
    unreadableItems: 0,
    ignoredCodes: {},
    kept: [],
    outcomes: collectOutcomes ? [] : undefined,
  };
}

/** Keeps a rejection for the summary while there is room. */
export function keepRejection(run: TImportRun, rejection: TImportRejection): void {
  if (run.kept.length < REJECTIONS_KEPT) run.kept.push(rejection);
}

/** The job's state as its progress and its summary report it. */
export function importRunState(run: TImportRun, status: TImportState["status"], error?: string): TImportState {
  return {
    jobId: run.jobId,
    kind: run.kind,
    fileName: run.fileName,
    status,
    dryRun: run.dryRun,
    error,
    ...run.counts,
    ignoredCodes: { ...run.ignoredCodes },
    rejections: [...run.kept],
    outcomes: run.outcomes,
  };
}
