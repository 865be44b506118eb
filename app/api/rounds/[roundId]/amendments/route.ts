import { ZAmendRoundInput } from "@/lib/rounds/round-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeRound } from "@/lib/db/auth/authorize-request";
import { amendRoundAnswer } from "@/lib/db/rounds/amend-round-answer";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** As for a signature (app/api/rounds/route.ts): far more than one answer and its reason need. */
const MAX_BODY = 256 * 1024;

/** Corrects one answer of a signed round, with a reason (201); a corrected number joins the series in the same commit. */
export async function POST(request: Request, { params }: { params: Promise<{ roundId: string }> }): Promise<Response> {
  try {
    const { roundId } = await params;
    const { db, principal, context } = await authorizeRound(request, "checklist.sign", roundId);
    const input = await readJsonBody(request, ZAmendRoundInput, MAX_BODY);
    const amended = await amendRoundAnswer({
      db,
      roundId,
      input,
      actor: { ...actorOf(principal), userId: principal.userId },
      context,
    });
    return Response.json({ round: amended.round }, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
