import type { Db } from "../client";

/**
 * A bed's open stay, with its patient and its latest support (running or ended), or null for an empty bed. Found by
 * the open-bed key (unique while the stay is open), so one index seek. The bed view's reads of a patient with no
 * support running start here (issue 15).
 */
export async function findBedStay({ db, bedId }: { db: Db; bedId: string }) {
  return db.stay.findUnique({
    where: { openBedKey: bedId },
    include: {
      patient: true,
      episodes: {
        orderBy: { startedAt: "desc" },
        take: 1,
        select: { id: true, deviceType: true, startedAt: true, endedAt: true },
      },
    },
  });
}
