import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getBedRoundContext } from "@/lib/db/rounds/get-bed-round-context";

export const dynamic = "force-dynamic";

/** What the bed's round form asks now, with the checklist in force and each item's last answer. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "bed.view", bedId);
    return Response.json(await getBedRoundContext({ db, bedId }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
