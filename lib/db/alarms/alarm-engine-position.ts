import type { Db } from "../client";
import { toSeq } from "../seq";

/** The engine's row in ChangeFollower. */
const FOLLOWER = "alarm-engine";

/**
 * The last Observation seq the alarm engine has judged, whatever the episode; undefined before its first start. The
 * engine's change feed starts after it, so that readings committed while the station was down (the import CLI in its
 * own process) are judged at the next start instead of being passed over.
 */
export async function loadAlarmEnginePosition({ db }: { db: Db }): Promise<number | undefined> {
  const row = await db.changeFollower.findUnique({ where: { name: FOLLOWER } });
  return row ? toSeq(row.observationSeq) : undefined;
}

/** Stores the engine's position, in the transaction that stores what it judged up to there. */
export async function saveAlarmEnginePosition({
  db,
  observationSeq,
  now,
}: {
  db: Pick<Db, "changeFollower">;
  observationSeq: number;
  now: Date;
}): Promise<void> {
  const data = { observationSeq, updatedAt: now };
  await db.changeFollower.upsert({ where: { name: FOLLOWER }, create: { name: FOLLOWER, ...data }, update: data });
}
