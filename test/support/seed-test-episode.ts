import type { TDeviceType } from "@/lib/catalogue";
import type { Db } from "@/lib/db/client";

export interface TestEpisode {
  unitId: string;
  bedId: string;
  episodeId: string;
  /** The episode's stay, where its readings belong. */
  stayId: string;
}

/** One unit, one bed, one synthetic patient and one open episode: the smallest world a reading can land in. */
export async function seedTestEpisode(
  db: Db,
  {
    suffix = "1",
    deviceType = "VA_ECMO",
    startedAt = new Date(Date.now() - 2 * 86_400_000),
  }: { suffix?: string; deviceType?: TDeviceType; startedAt?: Date } = {},
): Promise<TestEpisode> {
  const unitId = `test-unit-${suffix}`;
  const bedId = `test-bed-${suffix}`;
  const episodeId = `test-episode-${suffix}`;
  await db.unit.upsert({
    where: { id: unitId },
    update: {},
    create: { id: unitId, name: `Test unit ${suffix}`, timeZone: "Europe/Paris" },
  });
  await db.bed.create({ data: { id: bedId, unitId, label: `T${suffix}`, position: Number.parseInt(suffix, 10) || 1 } });
  await db.patient.create({
    data: {
      id: `test-patient-${suffix}`,
      identifier: `TEST-${suffix}`,
      givenName: "Synthetic",
      familyName: `Patient${suffix}`,
      birthDate: new Date("1970-05-01T00:00:00Z"),
      sex: "F",
      weightKg: 70,
    },
  });
  // An open stay holding the bed, as lib/db/stays/admit-patient.ts would write it.
  await db.stay.create({
    data: {
      id: `test-stay-${suffix}`,
      patientId: `test-patient-${suffix}`,
      unitId,
      bedId,
      openBedKey: bedId,
      openPatientKey: `test-patient-${suffix}`,
      admittedAt: startedAt,
      // Its arrival in the bed, which the handover reads the bed's stay over a shift from.
      assignments: { create: { fromBedId: null, toBedId: bedId, at: startedAt } },
    },
  });
  await db.supportEpisode.create({
    data: {
      id: episodeId,
      stayId: `test-stay-${suffix}`,
      patientId: `test-patient-${suffix}`,
      bedId,
      deviceType,
      startedAt,
      settings: {},
    },
  });
  return { unitId, bedId, episodeId, stayId: `test-stay-${suffix}` };
}
