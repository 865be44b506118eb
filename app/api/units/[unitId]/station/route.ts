import { getDb } from "@/lib/server/db/get-db";
import { toErrorResponse } from "@/lib/server/http/to-error-response";
import { getStationSnapshot } from "@/lib/server/station/get-station-snapshot";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const snapshot = await getStationSnapshot({ db: await getDb(), unitId });
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
