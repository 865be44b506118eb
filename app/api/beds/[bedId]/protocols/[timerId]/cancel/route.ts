import { ZCancelProtocolInput } from "@/lib/protocols/protocol-dtos";
import { cancelProtocol } from "@/lib/db/protocols/cancel-protocol";
import { planActionRoute } from "@/lib/db/protocols/plan-action-route";

export const dynamic = "force-dynamic";

/** Cancels a running plan, with its reason. */
export const POST = planActionRoute(ZCancelProtocolInput, cancelProtocol, 200);
