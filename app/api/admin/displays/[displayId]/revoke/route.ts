import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { revokeDisplay } from "@/lib/db/displays/revoke-display";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Signs a wall screen out for good (deactivated, sessions and pending codes ended). No body. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ displayId: string }> },
): Promise<Response> {
  try {
    const { displayId } = await params;
    const { db, principal, context } = await authorizeAction(request, "display.manage");
    await revokeDisplay({ db, displayId, actor: actorOf(principal), context });
    return new Response(null, { status: 204, headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
