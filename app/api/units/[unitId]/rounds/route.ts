import { isKioskRole } from "@/lib/auth/permissions";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getUnitRounds } from "@/lib/db/rounds/get-unit-rounds";

export const dynamic = "force-dynamic";

/** Every bed's round status: the rounds page and the station's tiles ("round due in 12 min"). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal } = await authorizeUnit(request, "station.view", unitId);
    const rounds = await getUnitRounds({ db, unitId });
    // A wall screen shows that a bed has a finding, not the nurse's free-text comment about it.
    const body = isKioskRole(principal.role)
      ? {
          ...rounds,
          beds: rounds.beds.map((b) => ({ ...b, abnormal: b.abnormal.map((f) => ({ ...f, comment: null })) })),
        }
      : rounds;
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
