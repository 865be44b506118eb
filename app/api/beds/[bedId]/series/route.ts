import { ZSeriesQuery } from "@/lib/bed/series";
import { getDb } from "@/lib/server/db/get-db";
import { parseSearchParams } from "@/lib/server/http/parse-search-params";
import { toErrorResponse } from "@/lib/server/http/to-error-response";
import { getParameterSeries } from "@/lib/server/series/get-parameter-series";

export const dynamic = "force-dynamic";

// No access check yet: the station has no accounts (the auth issue adds them); same as the station's routes.
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const query = parseSearchParams(ZSeriesQuery, request.url);
    const series = await getParameterSeries({ db: await getDb(), bedId, query });
    return Response.json(series, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
