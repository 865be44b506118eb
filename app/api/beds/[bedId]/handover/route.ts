import { ZShiftQuery } from "@/lib/handover";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { getHandoverSheet } from "@/lib/db/handover/get-handover-sheet";
import { noStore } from "@/lib/http/no-store";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The bed's handover sheet of a shift (`?shift=2026-03-28/night`; the running shift without it). */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "handover.view", bedId);
    const { shift } = parseSearchParams(ZShiftQuery, request.url);
    return noStore(Response.json(await getHandoverSheet({ db, bedId, shiftKey: shift })));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
