import { ZCompleteHandoverAction } from "@/lib/handover";
import { handoverActorOf } from "@/lib/db/handover/handover-actor";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { completeHandoverAction } from "@/lib/db/handover/complete-handover-action";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Marks an action done (`{ "done": true }`); it then leaves the following shifts' sheets. */
export async function PATCH(
  request: Request,
  { params }: { params: Promise<{ bedId: string; actionId: string }> },
): Promise<Response> {
  try {
    const { bedId, actionId } = await params;
    const { db, principal, context } = await authorizeBed(request, "handover.edit", bedId);
    await readJsonBody(request, ZCompleteHandoverAction);
    const result = await completeHandoverAction({ db, bedId, actionId, actor: handoverActorOf(principal), context });
    return Response.json(result);
  } catch (error) {
    return toErrorResponse(error);
  }
}
