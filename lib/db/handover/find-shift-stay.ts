import type { Db } from "../client";

export const STAY_SELECT = { id: true, admittedAt: true, dischargedAt: true, diagnosis: true } as const;

/**
 * The stay that held a bed during [startsAt, endsAt), from the bed assignments (admission, moves): of the stays in the
 * bed at some time of the shift, the one there last — still there, or else the last to leave (moved on or
 * discharged). Not the last to arrive: an admission dated back by the ADT feed (EVN-6) arrives "before" a patient who
 * passed through the bed during the shift and left, and the sheet must be the patient's who is in the bed. Null when
 * the bed was empty the whole shift. A stay discharged before the shift began is not handed over; a patient with no
 * support running (not yet cannulated, or after the balloon's removal) is (issue 15).
 */
export async function findShiftStay({
  db,
  bedId,
  startsAt,
  endsAt,
}: {
  db: Db;
  bedId: string;
  startsAt: number;
  endsAt: number;
}) {
  const arrivals = await db.bedAssignment.findMany({
    where: {
      toBedId: bedId,
      at: { lt: new Date(endsAt) },
      stay: { OR: [{ dischargedAt: null }, { dischargedAt: { gt: new Date(startsAt) } }] },
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, stayId: true, at: true, stay: { select: { dischargedAt: true } } },
  });
  let best: { stayId: string; leftAt: number } | null = null;
  for (const arrival of arrivals) {
    // When the stay left this bed: its next assignment after this one (a move), else its discharge, else never.
    const next = await db.bedAssignment.findFirst({
      where: {
        stayId: arrival.stayId,
        OR: [{ at: { gt: arrival.at } }, { at: arrival.at, id: { gt: arrival.id } }],
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true },
    });
    const leftAt = next?.at.getTime() ?? arrival.stay.dischargedAt?.getTime() ?? Number.POSITIVE_INFINITY;
    if (leftAt <= startsAt) continue;
    // Arrivals come newest first: on a tie (both still there, which the open-bed key forbids) the newer one stays.
    if (best === null || leftAt > best.leftAt) best = { stayId: arrival.stayId, leftAt };
  }
  if (best === null) return null;
  return db.stay.findUniqueOrThrow({ where: { id: best.stayId }, select: STAY_SELECT });
}
