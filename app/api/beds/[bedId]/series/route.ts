import { ZSeriesQuery } from "@/lib/bed/series";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getParameterSeries } from "@/lib/db/series/get-parameter-series";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    // Access first: a caller without a session learns nothing, not even what the query should look like.
    const { db } = await authorizeBed(request, "bed.view", bedId);
    const query = parseSearchParams(ZSeriesQuery, request.url);
    const series = await getParameterSeries({ db, bedId, query });
    return Response.json(series, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
