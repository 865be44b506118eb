import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { resolveLabRefusal } from "@/lib/db/labs/resolve-lab-refusal";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/**
 * Marks a laboratory result that could not be read as dealt with (issue 16): who and when are recorded and audited,
 * and its technical alarm ends. The clinicians who acknowledge alarms may do it (lib/auth/permissions.ts).
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ bedId: string; refusalId: string }> },
): Promise<Response> {
  try {
    const { bedId, refusalId } = await params;
    const { db, principal, context } = await authorizeBed(request, "alarm.acknowledge", bedId);
    const resolved = await resolveLabRefusal({
      db,
      bedId,
      refusalId,
      actor: { ...actorOf(principal), userId: principal.userId },
      context,
    });
    return Response.json(resolved);
  } catch (error) {
    return toErrorResponse(error);
  }
}
