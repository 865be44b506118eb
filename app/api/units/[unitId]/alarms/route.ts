import { kioskAlarm, kioskAudioPause } from "@/lib/alarms/kiosk-alarm";
import { isKioskRole } from "@/lib/auth/permissions";
import { getUnitAlarms } from "@/lib/db/alarms/get-unit-alarms";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The unit's open alarms and AUDIO PAUSED, with the alarm seq they cover (the screen replays from it by socket). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal } = await authorizeUnit(request, "station.view", unitId);
    const alarms = await getUnitAlarms({ db, unitId });
    // A wall display: no staff name, no acknowledgement comment.
    const body = isKioskRole(principal.role)
      ? { ...alarms, alarms: alarms.alarms.map(kioskAlarm), audioPause: kioskAudioPause(alarms.audioPause) }
      : alarms;
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
