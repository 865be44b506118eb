import type { TArchivedStay } from "@/lib/stays/stay";
import type { Db } from "../client";

/**
 * Discharged stays of a unit whose patient's MRN or name contains `q` (case-insensitive for ASCII, as SQLite's LIKE),
 * newest discharge first, at most 50: the archive a nurse searches to find and print a past stay.
 */
export async function searchArchivedStays({
  db,
  unitId,
  q,
}: {
  db: Db;
  unitId: string;
  q: string;
}): Promise<TArchivedStay[]> {
  const rows = await db.stay.findMany({
    where: {
      unitId,
      dischargedAt: { not: null },
      patient: {
        OR: [{ identifier: { contains: q } }, { familyName: { contains: q } }, { givenName: { contains: q } }],
      },
    },
    orderBy: { dischargedAt: "desc" },
    take: 50,
    include: { patient: true, bed: { select: { label: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    mrn: s.patient.identifier,
    givenName: s.patient.givenName,
    familyName: s.patient.familyName,
    bedLabel: s.bed.label,
    admittedAt: s.admittedAt.getTime(),
    dischargedAt: s.dischargedAt?.getTime() ?? 0,
    disposition: s.disposition,
    diagnosis: s.diagnosis,
  }));
}
