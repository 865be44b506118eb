import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getStationSnapshot } from "@/lib/db/station/get-station-snapshot";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db } = await authorizeUnit(request, "station.view", unitId);
    const snapshot = await getStationSnapshot({ db, unitId });
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
