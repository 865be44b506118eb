import { ZAmendHandover } from "@/lib/handover";
import { handoverActorOf } from "@/lib/server/handover/handover-actor";
import { authorizeBed } from "@/lib/server/auth/authorize-request";
import { amendHandover } from "@/lib/server/handover/amend-handover";
import { readJsonBody } from "@/lib/server/http/read-json-body";
import { toErrorResponse } from "@/lib/server/http/to-error-response";
import { notifyHandoverChanged } from "@/lib/server/realtime/handover-notifier";
import { requiredShiftKey } from "../shift-key";

export const dynamic = "force-dynamic";

/** Amends a signed sheet: one field's new value, with a reason. */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context, unitId } = await authorizeBed(request, "handover.edit", bedId);
    const shiftKey = requiredShiftKey(request.url);
    const amendment = await readJsonBody(request, ZAmendHandover);
    const result = await amendHandover({ db, bedId, shiftKey, amendment, actor: handoverActorOf(principal), context });
    notifyHandoverChanged({ unitId, bedId, shiftKey });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
