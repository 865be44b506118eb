import type { TImportRecord } from "@/lib/imports/import-record";
import type { TEpisodeContext, TStayContext } from "@/lib/observations/validate-reading";
import { findPatientStays, type TPatientStay } from "./find-patient-stays";
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
  const found = await findPatientStays({ db: run.db, identifiers: [...unknown] });
  for (const id of unknown) run.patients.set(id, found.get(id) ?? null);
}

/**
 * A record's patient (by the first of its identifiers that is known), the admitted stay that receives its readings,
 * and its running (not ended) episode, if any, from the run's cache.
 */
export function patientOf(
  run: TImportRun,
  record: TImportRecord,
): {
  patient: TPatientStay | undefined;
  stay: TStayContext | undefined;
  episode: TEpisodeContext | undefined;
} {
  let patient: TPatientStay | undefined;
  for (const id of record.patientIdentifiers) if ((patient = run.patients.get(id) ?? undefined)) break;
  const stay = patient?.stay ?? undefined;
  return { patient, stay, episode: stay?.episodes.find((e) => e.endedAt === null) };
}
