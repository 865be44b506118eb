import { ZAdmitToBed } from "@/lib/stays/stay";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { admitPatient } from "@/lib/db/stays/admit-patient";
import { getBedStay } from "@/lib/db/stays/get-bed-stay";
import { noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The bed's open stay, its running support and the unit's free beds. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "bed.view", bedId);
    return noStore(Response.json(await getBedStay({ db, bedId })));
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** Admits a patient to this bed (nurse, physician: stay.manage). */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "stay.manage", bedId);
    const body = await readJsonBody(request, ZAdmitToBed);
    const { bed } = await getBedStay({ db, bedId });
    const result = await admitPatient({
      db,
      input: { ...body, unitId: bed.unitId, bedId },
      actor: actorOf(principal),
      context,
    });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
