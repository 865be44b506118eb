import { countAlarmBurden } from "@/lib/db/alarms/count-alarm-burden";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Alarms raised per bed and priority in the current shift and the one before (the unit's shift pattern). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db } = await authorizeUnit(request, "station.view", unitId);
    return Response.json(await countAlarmBurden({ db, unitId }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
