import { ZSaveHandoverDraft } from "@/lib/handover";
import { handoverActorOf } from "@/lib/db/handover/handover-actor";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { saveHandoverDraft } from "@/lib/db/handover/save-handover-draft";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { requiredShiftKey } from "../shift-key";

export const dynamic = "force-dynamic";

/** Saves the written part of a sheet not yet signed (`?shift=` names it; the body names the version it was based on). */
export async function PUT(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "handover.edit", bedId);
    const shiftKey = requiredShiftKey(request.url);
    const draft = await readJsonBody(request, ZSaveHandoverDraft);
    const result = await saveHandoverDraft({ db, bedId, shiftKey, draft, actor: handoverActorOf(principal), context });
    return Response.json(result);
  } catch (error) {
    return toErrorResponse(error);
  }
}
