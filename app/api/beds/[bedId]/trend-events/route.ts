import { ZBedTrendEventsQuery } from "@/lib/bed/bed-trend-events";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { listBedTrendEvents } from "@/lib/db/beds/list-bed-trend-events";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    // Access first, as for the trends themselves: bed.view and membership of the bed's unit.
    const { db } = await authorizeBed(request, "bed.view", bedId);
    const query = parseSearchParams(ZBedTrendEventsQuery, request.url);
    const events = await listBedTrendEvents({ db, bedId, query });
    return Response.json(events, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
