import { ZAddHandoverAction } from "@/lib/handover";
import { handoverActorOf } from "@/lib/db/handover/handover-actor";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { addHandoverAction } from "@/lib/db/handover/add-handover-action";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Adds an item to the action list of the bed's patient. */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "handover.edit", bedId);
    const { text } = await readJsonBody(request, ZAddHandoverAction);
    const result = await addHandoverAction({ db, bedId, text, actor: handoverActorOf(principal), context });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
