import { ZFourTsAnswers } from "@/lib/scores/four-ts-record";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { recordFourTs } from "@/lib/db/episodes/record-four-ts";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Records a 4Ts screen with the bed's episode: the clinicians who record scores (lib/auth/permissions.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "score.record", bedId);
    const answers = await readJsonBody(request, ZFourTsAnswers);
    const screen = await recordFourTs({
      db,
      bedId,
      answers,
      actor: { ...actorOf(principal), userId: principal.userId },
      context,
    });
    return Response.json(screen, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
