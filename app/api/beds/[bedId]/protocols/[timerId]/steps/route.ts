import { ZSignStepInput } from "@/lib/protocols/protocol-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { signProtocolStep } from "@/lib/db/protocols/sign-protocol-step";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Signs a step of the plan as done: who (the session's user) and when. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ bedId: string; timerId: string }> },
): Promise<Response> {
  try {
    const { bedId, timerId } = await params;
    const { db, principal, context } = await authorizeBed(request, "protocol.run", bedId);
    const input = await readJsonBody(request, ZSignStepInput);
    const plan = await signProtocolStep({
      db,
      bedId,
      timerId,
      input,
      actor: { ...actorOf(principal), userId: principal.userId },
      context,
    });
    return Response.json(plan, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
