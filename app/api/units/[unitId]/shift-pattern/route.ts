import { ZShiftPattern } from "@/lib/shifts";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { getUnitShiftPattern } from "@/lib/db/shifts/get-unit-shift-pattern";
import { setUnitShiftPattern } from "@/lib/db/shifts/set-unit-shift-pattern";

export const dynamic = "force-dynamic";

/**
 * The unit's shift pattern (the default 07:00/19:00 when none is configured), for anyone who reads its handover and
 * for the administrator who sets it (the shifts page).
 */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db } = await authorizeUnit(request, ["handover.view", "shift.configure"], unitId);
    return noStore(Response.json(await getUnitShiftPattern({ db, unitId })));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}

/** Sets the unit's shift pattern: `{ "shifts": [{ "name": "day", "start": "07:00" }, …] }`. Administrators only. */
export async function PUT(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal, context } = await authorizeUnit(request, "shift.configure", unitId);
    const pattern = await readJsonBody(request, ZShiftPattern);
    await setUnitShiftPattern({ db, unitId, pattern, actor: actorOf(principal), context });
    return noStore(Response.json(await getUnitShiftPattern({ db, unitId })));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
