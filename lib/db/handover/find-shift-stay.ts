import type { Db } from "../client";

export const STAY_SELECT = { id: true, admittedAt: true, dischargedAt: true, diagnosis: true } as const;

/**
 * The stay that held a bed during [startsAt, endsAt), from the bed assignments (admission, moves): the one that came
 * into the bed last before the shift's end and had not left it (moved on or discharged) by the shift's start. Null
 * when the bed was empty the whole shift. A stay discharged before the shift began is not handed over; a patient
 * with no support running (not yet cannulated, or after the balloon's removal) is (issue 15).
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
    select: { id: true, stayId: true, at: true },
  });
  for (const arrival of arrivals) {
    // When the stay left this bed: its next assignment after this one (a move), if any, before the shift began.
    const left = await db.bedAssignment.findFirst({
      where: {
        stayId: arrival.stayId,
        OR: [{ at: { gt: arrival.at } }, { at: arrival.at, id: { gt: arrival.id } }],
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true },
    });
    if (left && left.at.getTime() <= startsAt) continue;
    return db.stay.findUniqueOrThrow({
      where: { id: arrival.stayId },
      select: STAY_SELECT,
    });
  }
  return null;
}
