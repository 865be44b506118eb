import { ZSaveScoreInputs } from "@/lib/scores/save-score";
import { getDb } from "@/lib/server/db/get-db";
import { recordSaveScore } from "@/lib/server/episodes/record-save-score";
import { readJsonBody } from "@/lib/server/http/read-json-body";
import { toErrorResponse } from "@/lib/server/http/to-error-response";

export const dynamic = "force-dynamic";

/**
 * Records the SAVE score inputs of the bed's VA-ECMO episode. No access check yet: the station has no accounts, so
 * anyone who reaches the server can record; the auth issue must restrict this to clinicians and log who did.
 */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const inputs = await readJsonBody(request, ZSaveScoreInputs);
    const result = await recordSaveScore({ db: await getDb(), bedId, inputs });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
