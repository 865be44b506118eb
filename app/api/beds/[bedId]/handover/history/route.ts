import { z } from "zod";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { listBedHandovers } from "@/lib/db/handover/list-bed-handovers";
import { noStore } from "@/lib/http/no-store";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

const ZHistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(60).default(7) });

/** The bed's shifts of the last `days` days with the state of each sheet, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "handover.view", bedId);
    const { days } = parseSearchParams(ZHistoryQuery, request.url);
    return noStore(Response.json({ shifts: await listBedHandovers({ db, bedId, days }) }));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
