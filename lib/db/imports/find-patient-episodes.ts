import type { TEpisodeContext } from "@/lib/observations/validate-reading";
import type { Db } from "../client";

export interface TPatientEpisodes {
  readonly patientId: string;
  readonly identifier: string;
  /** Every support episode of the patient, the latest started first. */
  readonly episodes: readonly TEpisodeContext[];
}

/**
 * The patients with these identifiers (Patient.identifier: what PID-3, FHIR Patient.identifier and the CSV patient
 * column carry) and their support episodes, in one query for a whole batch of records.
 */
export async function findPatientEpisodes({
  db,
  identifiers,
}: {
  db: Db;
  identifiers: readonly string[];
}): Promise<Map<string, TPatientEpisodes>> {
  if (identifiers.length === 0) return new Map();
  const patients = await db.patient.findMany({
    where: { identifier: { in: [...new Set(identifiers)] } },
    select: {
      id: true,
      identifier: true,
      episodes: {
        select: {
          id: true,
          bedId: true,
          deviceType: true,
          startedAt: true,
          endedAt: true,
          bed: { select: { unitId: true } },
        },
        orderBy: { startedAt: "desc" },
      },
    },
  });
  return new Map(
    patients.map((p) => [
      p.identifier,
      {
        patientId: p.id,
        identifier: p.identifier,
        episodes: p.episodes.map((e) => ({
          id: e.id,
          bedId: e.bedId,
          unitId: e.bed.unitId,
          deviceType: e.deviceType,
          startedAt: e.startedAt,
          endedAt: e.endedAt,
        })),
      },
    ]),
  );
}
