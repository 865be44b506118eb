import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getBedRoundHistory } from "@/lib/db/rounds/get-bed-round-history";

export const dynamic = "force-dynamic";

/** The bed's rounds over its current episode, with the checklist versions they were filled with. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "bed.view", bedId);
    return Response.json(await getBedRoundHistory({ db, bedId }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
