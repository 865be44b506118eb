import type { Db } from "../client";
import { toSeq } from "../seq";

/** The newest alarm seq: what a screen's alarm replay covers when it is not paged. */
export async function getLastAlarmSeq({ db }: { db: Db }): Promise<number> {
  const last = await db.alarmEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return toSeq(last?.seq ?? 0);
}
