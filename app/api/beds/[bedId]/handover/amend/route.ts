import { ZAmendHandover } from "@/lib/handover";
import { handoverActorOf } from "@/lib/db/handover/handover-actor";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { amendHandover } from "@/lib/db/handover/amend-handover";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { requiredShiftKey } from "../shift-key";

export const dynamic = "force-dynamic";

/** Amends a signed sheet: one field's new value, with a reason. */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "handover.edit", bedId);
    const shiftKey = requiredShiftKey(request.url);
    const amendment = await readJsonBody(request, ZAmendHandover);
    const result = await amendHandover({ db, bedId, shiftKey, amendment, actor: handoverActorOf(principal), context });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
