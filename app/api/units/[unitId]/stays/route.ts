import { ZStaySearch } from "@/lib/stays/stay";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { searchArchivedStays } from "@/lib/db/stays/search-archived-stays";
import { noStore } from "@/lib/http/no-store";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The unit's discharged stays whose patient's MRN or name contains `q` (stay.view). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db } = await authorizeUnit(request, "stay.view", unitId);
    const { q } = parseSearchParams(ZStaySearch.omit({ unitId: true }), request.url);
    return noStore(Response.json(await searchArchivedStays({ db, unitId, q })));
  } catch (error) {
    return toErrorResponse(error);
  }
}
