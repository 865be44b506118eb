import type { TProtocolPlanDto, TUnitProtocols } from "@/lib/protocols/protocol-dtos";
import type { Db } from "../client";
import { PLAN_SELECT, toPlanDto } from "./protocol-rows";

/** A unit's plans under way, for the station's tiles, the round checklist and the handover's pending tasks. */
export async function getUnitProtocols({
  db,
  unitId,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  now?: Date;
}): Promise<TUnitProtocols> {
  const rows = await db.protocolTimer.findMany({
    // A plan left active at discharge is not the bed's any more (its next patient's tile must not show it).
    where: { unitId, status: "active", episode: { stay: { dischargedAt: null } } },
    orderBy: { startedAt: "asc" },
    select: PLAN_SELECT,
  });
  return {
    unitId,
    serverTime: now.getTime(),
    plans: rows.map(toPlanDto).filter((p): p is TProtocolPlanDto => p !== null),
  };
}
