import { ZSignOutHandover } from "@/lib/handover";
import { handoverActorOf } from "@/lib/db/handover/handover-actor";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { signOutHandover } from "@/lib/db/handover/sign-out-handover";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { requiredShiftKey } from "../shift-key";

export const dynamic = "force-dynamic";

/** The outgoing nurse signs the sheet out: it is frozen from then on. */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "handover.sign", bedId);
    const shiftKey = requiredShiftKey(request.url);
    const signOut = await readJsonBody(request, ZSignOutHandover);
    const result = await signOutHandover({ db, bedId, shiftKey, signOut, actor: handoverActorOf(principal), context });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
