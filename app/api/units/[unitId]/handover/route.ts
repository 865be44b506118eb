import { ZShiftQuery } from "@/lib/handover";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { getUnitHandover } from "@/lib/db/handover/get-unit-handover";
import { noStore } from "@/lib/http/no-store";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Every bed of the unit with the state of its sheet for a shift (the running one without `?shift=`). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db } = await authorizeUnit(request, "handover.view", unitId);
    const { shift } = parseSearchParams(ZShiftQuery, request.url);
    return noStore(Response.json(await getUnitHandover({ db, unitId, shiftKey: shift })));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
