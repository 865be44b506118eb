import { can } from "@/lib/auth/permissions";
import { authorizeUnit } from "@/lib/db/auth/authorize-request";
import { getUnitProtocols } from "@/lib/db/protocols/get-unit-protocols";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The unit's running protocol timers: the station's tiles, the round checklist, the handover's pending tasks. */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }): Promise<Response> {
  try {
    const { unitId } = await params;
    const { db, principal } = await authorizeUnit(request, "station.view", unitId);
    const protocols = await getUnitProtocols({ db, unitId });
    // A wall screen shows which step is due, not the notes written at the bedside.
    const body = can(principal.role, "bed.view")
      ? protocols
      : {
          ...protocols,
          plans: protocols.plans.map((p) => ({
            ...p,
            cancelReason: null,
            signatures: p.signatures.map((s) => ({ ...s, note: null })),
          })),
        };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
