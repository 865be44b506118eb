import { listBedAlarmHistory } from "@/lib/db/alarms/list-bed-alarm-history";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The alarm history of the bed's current patient, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "station.view", bedId);
    return Response.json(await listBedAlarmHistory({ db, bedId }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
