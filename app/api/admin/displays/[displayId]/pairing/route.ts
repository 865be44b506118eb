import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { issuePairingCode } from "@/lib/db/displays/issue-pairing-code";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** A new one-time pairing code for an existing display; its earlier unused codes stop working. No body. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ displayId: string }> },
): Promise<Response> {
  try {
    const { displayId } = await params;
    const { db, principal, context } = await authorizeAction(request, "display.manage");
    const issued = await issuePairingCode({ db, displayId, actor: actorOf(principal), context });
    return Response.json(issued, { status: 201, headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
