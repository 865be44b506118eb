import { ZTrendsQuery } from "@/lib/bed/series";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getBedTrends } from "@/lib/db/series/get-bed-trends";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    // Access first: a caller without a session learns nothing, not even what the query should look like.
    const { db } = await authorizeBed(request, "bed.view", bedId);
    const query = parseSearchParams(ZTrendsQuery, request.url);
    const trends = await getBedTrends({ db, bedId, query });
    return Response.json(trends, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
