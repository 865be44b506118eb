import type { Db } from "@/lib/db/client";

/** A unit of `beds` empty beds (ids u1-bed-1…, labels 01…) and no patient: where admissions are tested. */
export async function seedTestUnit(db: Db, { unitId = "u1", beds = 3 }: { unitId?: string; beds?: number } = {}) {
  await db.unit.create({ data: { id: unitId, name: `Unit ${unitId}`, timeZone: "Europe/Paris" } });
  const bedIds = Array.from({ length: beds }, (_, i) => `${unitId}-bed-${i + 1}`);
  await db.bed.createMany({
    data: bedIds.map((id, i) => ({ id, unitId, label: String(i + 1).padStart(2, "0"), position: i + 1 })),
  });
  return { unitId, bedIds };
}

export const TEST_NURSE = { userId: "nurse-1", username: "nurse", role: "nurse" } as const;
export const TEST_PHYSICIAN = { userId: "doc-1", username: "doc", role: "physician" } as const;

export const admission = (unitId: string, bedId: string, mrn = "MRN-1") => ({
  unitId,
  bedId,
  mrn,
  givenName: "Synthetic",
  familyName: "Patient",
  birthDate: "1970-05-01",
  sex: "F" as const,
  weightKg: 70,
  heightCm: 168,
  diagnosis: "Cardiogenic shock",
});
