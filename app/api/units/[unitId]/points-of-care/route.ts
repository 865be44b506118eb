import { ZUnitPointsOfCare } from "@/lib/stays/points-of-care";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { getUnitPointsOfCare } from "@/lib/db/units/get-unit-points-of-care";
import { setUnitPointsOfCare } from "@/lib/db/units/set-unit-points-of-care";
import { noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The unit's ADT point-of-care codes (HL7 PV1-3.1 values that address it), for the administrator who sets them. */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db } = await authorizeUnit(request, "unit.configure", unitId);
    return noStore(Response.json(await getUnitPointsOfCare({ db, unitId })));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}

/** Replaces them: `{ "codes": ["REA-CARDIO"] }`. Administrators only. */
export async function PUT(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal, context } = await authorizeUnit(request, "unit.configure", unitId);
    const input = await readJsonBody(request, ZUnitPointsOfCare);
    await setUnitPointsOfCare({ db, unitId, input, actor: actorOf(principal), context });
    return noStore(Response.json(await getUnitPointsOfCare({ db, unitId })));
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
