import { toPendingProtocolSteps, type TPendingProtocolSteps } from "@/lib/handover";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import type { Prisma } from "../generated/client";
import { PLAN_SELECT, toPlanDto } from "../protocols/protocol-rows";

/**
 * The stay's protocol steps still open at `at`, for the sheet signed then: the plans under way on any of its support
 * episodes (an ended balloon's limb checks and flat rest included), as the bed's panel lists them. A stay discharged
 * by then has none: its plans are not the unit's any more (lib/db/protocols/get-unit-protocols.ts). Takes the
 * signature's transaction, so that the list is what stood when the sheet was signed.
 */
export async function readPendingProtocolSteps({
  tx,
  stayId,
  at,
}: {
  tx: Prisma.TransactionClient;
  stayId: string;
  at: number;
}): Promise<TPendingProtocolSteps> {
  const rows = await tx.protocolTimer.findMany({
    where: { status: "active", episode: { stayId, stay: { dischargedAt: null } } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: PLAN_SELECT,
  });
  const plans = rows.map(toPlanDto).filter((p): p is TProtocolPlanDto => p !== null);
  return toPendingProtocolSteps(plans, at);
}
