import { ZReceiveHandover } from "@/lib/handover";
import { handoverActorOf } from "@/lib/db/handover/handover-actor";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { receiveHandover } from "@/lib/db/handover/receive-handover";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { requiredShiftKey } from "../shift-key";

export const dynamic = "force-dynamic";

/** The incoming nurse, another person, receives the sheet with a read-back. */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "handover.sign", bedId);
    const shiftKey = requiredShiftKey(request.url);
    const receive = await readJsonBody(request, ZReceiveHandover);
    const result = await receiveHandover({ db, bedId, shiftKey, receive, actor: handoverActorOf(principal), context });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
