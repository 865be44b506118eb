import type { TDeviceType } from "@/lib/catalogue";
import type { Db } from "@/lib/db/client";

export interface TImportPatient {
  identifier: string;
  /** When the open support episode began: before the results of the file to import. */
  episodeStartedAt: Date;
  deviceType?: TDeviceType;
  /** When the stay began (the episode's start when absent). */
  admittedAt?: Date;
  /** Admitted with no support started (a lab before cannulation has a stay and no episode). */
  noSupport?: boolean;
}

/**
 * Synthetic patients whose identifiers are those of a real file (the NIST PID-3, a Synthea MRN, MIMIC subject_ids),
 * each admitted to its own bed with one open support episode (unless `noSupport`), so that the file's results have
 * somewhere to land.
 */
export async function seedImportPatients(
  db: Db,
  patients: readonly TImportPatient[],
  unitId = "import-unit",
): Promise<Map<string, string>> {
  await db.unit.upsert({
    where: { id: unitId },
    update: {},
    create: { id: unitId, name: "Import test unit", timeZone: "Europe/Paris" },
  });
  const episodes = new Map<string, string>();
  const start = await db.bed.count({ where: { unitId } });
  for (const [i, p] of patients.entries()) {
    const n = start + i + 1;
    const bedId = `${unitId}-bed-${n}`;
    const patientId = `${unitId}-patient-${n}`;
    const episodeId = `${unitId}-episode-${n}`;
    await db.bed.create({ data: { id: bedId, unitId, label: `I${n}`, position: n } });
    await db.patient.create({
      data: {
        id: patientId,
        identifier: p.identifier,
        givenName: "Synthetic",
        familyName: `Import${n}`,
        birthDate: new Date("1960-01-01T00:00:00Z"),
        sex: "M",
      },
    });
    await db.stay.create({
      data: {
        id: `stay-${episodeId}`,
        patientId,
        unitId,
        bedId,
        openBedKey: bedId,
        openPatientKey: patientId,
        admittedAt: p.admittedAt ?? p.episodeStartedAt,
        assignments: { create: { fromBedId: null, toBedId: bedId, at: p.admittedAt ?? p.episodeStartedAt } },
      },
    });
    if (p.noSupport) continue;
    await db.supportEpisode.create({
      data: {
        id: episodeId,
        stayId: `stay-${episodeId}`,
        patientId,
        bedId,
        deviceType: p.deviceType ?? "VA_ECMO",
        startedAt: p.episodeStartedAt,
        settings: {},
      },
    });
    episodes.set(p.identifier, episodeId);
  }
  return episodes;
}
