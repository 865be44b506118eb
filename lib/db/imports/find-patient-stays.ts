import type { TStayContext } from "@/lib/observations/validate-reading";
import type { Db } from "../client";

export interface TPatientStay {
  readonly patientId: string;
  readonly identifier: string;
  /** The patient's admitted (open) stay with its support episodes; null when the patient is not admitted. */
  readonly stay: TStayContext | null;
}

/**
 * The patients with these identifiers (Patient.identifier: what PID-3, FHIR Patient.identifier and the CSV patient
 * column carry) and each one's admitted stay, in one query for a whole batch of records. A result belongs to the stay
 * (docs/stays.md); the write path then finds the episode running at the result's time (validateStayReading).
 */
export async function findPatientStays({
  db,
  identifiers,
}: {
  db: Db;
  identifiers: readonly string[];
}): Promise<Map<string, TPatientStay>> {
  if (identifiers.length === 0) return new Map();
  const patients = await db.patient.findMany({
    where: { identifier: { in: [...new Set(identifiers)] } },
    select: {
      id: true,
      identifier: true,
      stays: {
        where: { dischargedAt: null },
        take: 1,
        select: {
          id: true,
          bedId: true,
          unitId: true,
          admittedAt: true,
          dischargedAt: true,
          episodes: {
            select: { id: true, bedId: true, deviceType: true, startedAt: true, endedAt: true },
            orderBy: { startedAt: "desc" },
          },
        },
      },
    },
  });
  return new Map(
    patients.map((p) => {
      const stay = p.stays[0];
      return [
        p.identifier,
        {
          patientId: p.id,
          identifier: p.identifier,
          stay: stay
            ? {
                id: stay.id,
                bedId: stay.bedId,
                unitId: stay.unitId,
                admittedAt: stay.admittedAt,
                dischargedAt: stay.dischargedAt,
                // An episode's readings go to the bed the patient is in now: the stay's bed.
                episodes: stay.episodes.map((e) => ({
                  id: e.id,
                  stayId: stay.id,
                  bedId: stay.bedId,
                  unitId: stay.unitId,
                  deviceType: e.deviceType,
                  startedAt: e.startedAt,
                  endedAt: e.endedAt,
                })),
              }
            : null,
        },
      ];
    }),
  );
}
