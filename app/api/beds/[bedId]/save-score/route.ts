import { ZSaveScoreInputs } from "@/lib/scores/save-score";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { recordSaveScore } from "@/lib/db/episodes/record-save-score";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Records the SAVE score inputs of the bed's VA-ECMO episode: physicians and perfusionists of the bed's unit. */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "score.record", bedId);
    const inputs = await readJsonBody(request, ZSaveScoreInputs);
    const result = await recordSaveScore({ db, bedId, inputs, actor: actorOf(principal), context });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
