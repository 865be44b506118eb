import { ZCancelProtocolInput } from "@/lib/protocols/protocol-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { cancelProtocol } from "@/lib/db/protocols/cancel-protocol";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Cancels a running plan, with its reason. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ bedId: string; timerId: string }> },
): Promise<Response> {
  try {
    const { bedId, timerId } = await params;
    const { db, principal, context } = await authorizeBed(request, "protocol.run", bedId);
    const input = await readJsonBody(request, ZCancelProtocolInput);
    const plan = await cancelProtocol({
      db,
      bedId,
      timerId,
      input,
      actor: { ...actorOf(principal), userId: principal.userId },
      context,
    });
    return Response.json(plan);
  } catch (error) {
    return toErrorResponse(error);
  }
}
