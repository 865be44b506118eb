import { z } from "zod";
import { kioskAlarmLimits } from "@/lib/alarms/kiosk-alarm";
import { isKioskRole } from "@/lib/auth/permissions";
import { listAlarmLimits } from "@/lib/db/alarms/list-alarm-limits";
import { setAlarmLimitOverride } from "@/lib/db/alarms/set-alarm-limit-override";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The limits in force on the unit: defaults with their sources, the unit's and each patient's overrides. */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal } = await authorizeUnit(request, "station.view", unitId);
    const limits = await listAlarmLimits({ db, unitId });
    // A wall display sees the limits in force, not who set them or the reason they typed.
    const body = isKioskRole(principal.role) ? kioskAlarmLimits(limits) : limits;
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** A new version of a rule's limit for the unit or one episode, with a reason (physician; audited). */
export async function POST(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal, context } = await authorizeUnit(request, "threshold.change", unitId);
    // Any JSON object: the operation parses it (ZSetLimitOverrideSchema) with the unit of the path, and names each
    // fault.
    const body = await readJsonBody(request, z.record(z.string(), z.unknown()));
    const created = await setAlarmLimitOverride({
      db,
      principal,
      input: { ...body, unitId },
      context,
      via: `http POST /api/units/${unitId}/alarm-limits`,
    });
    return Response.json(created, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
