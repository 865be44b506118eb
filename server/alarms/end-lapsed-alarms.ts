import { endAlarmsOfDischargedStays } from "@/lib/db/alarms/end-alarms-of-discharged-stays";
import { endAlarmsOfEndedEpisodes } from "@/lib/db/alarms/end-alarms-of-ended-episodes";
import { announceCommit } from "@/lib/db/changes/announce-commit";
import type { Db } from "@/lib/db/client";
import type { TFence } from "./engine-options";

/**
 * A discharge ends every open alarm of the stay ("discharged"); then an ended support's own alarms end
 * ("episode-ended"): an outside raiser's here, the engine's rules that no longer apply in followStay
 * (stay-memory.ts). The change feed is woken when anything ended.
 */
export async function endLapsedAlarms({ db, now, fence }: { db: Db; now: Date; fence?: TFence }): Promise<void> {
  const discharged = await endAlarmsOfDischargedStays({ db, now, fence });
  const ended = await endAlarmsOfEndedEpisodes({ db, now, fence });
  if (discharged.length > 0 || ended > 0) announceCommit(db);
}
