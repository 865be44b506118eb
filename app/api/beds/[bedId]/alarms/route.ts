import { kioskAlarm } from "@/lib/alarms/kiosk-alarm";
import { isKioskRole } from "@/lib/auth/permissions";
import { listBedAlarmHistory } from "@/lib/db/alarms/list-bed-alarm-history";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The alarm history of the bed's current patient, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal } = await authorizeBed(request, "station.view", bedId);
    const history = await listBedAlarmHistory({ db, bedId });
    // A wall display: who acknowledged and why in free text are not its to show.
    const body = isKioskRole(principal.role) ? { ...history, alarms: history.alarms.map(kioskAlarm) } : history;
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
