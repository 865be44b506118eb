import type { TImportRecord } from "@/lib/imports/import-record";
import type { TEpisodeContext } from "@/lib/observations/validate-reading";
import { findPatientEpisodes, type TPatientEpisodes } from "./find-patient-episodes";
import type { TImportRun } from "./import-run";

/**
 * Patients kept in the run's cache at most. A file whose every row names another patient (100,000 unknown
 * identifiers) held them all (30 MB more for the import's life); past this many, the cache starts again, and a
 * patient named again is asked again (one query per batch at most).
 */
const PATIENTS_CACHED = 10_000;

/** Looks up, in one query, the patients a batch names that the run has not looked up yet, into its cache. */
export async function findBatchPatients(run: TImportRun, records: readonly TImportRecord[]): Promise<void> {
  if (run.patients.size > PATIENTS_CACHED) run.patients.clear();
  const unknown = new Set<string>();
  for (const record of records) for (const id of record.patientIdentifiers) if (!run.patients.has(id)) unknown.add(id);
  const found = await findPatientEpisodes({ db: run.db, identifiers: [...unknown] });
  for (const id of unknown) run.patients.set(id, found.get(id) ?? null);
}

/**
 * A record's patient (by the first of its identifiers that is known) and the active (not ended) episode that
 * receives its readings, from the run's cache.
 */
export function patientOf(
  run: TImportRun,
  record: TImportRecord,
): { patient: TPatientEpisodes | undefined; episode: TEpisodeContext | undefined } {
  let patient: TPatientEpisodes | undefined;
  for (const id of record.patientIdentifiers) if ((patient = run.patients.get(id) ?? undefined)) break;
  return { patient, episode: patient?.episodes.find((e) => e.endedAt === null) };
}
