import { ZAuditQuery } from "@/lib/auth/schemas";
import { listAuditEvents } from "@/lib/db/audit/list-audit-events";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** One page of the audit trail, newest first, filtered; `nextBefore` names the next (older) page. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { db } = await authorizeAction(request, "audit.view");
    const query = parseSearchParams(ZAuditQuery, request.url);
    return Response.json(await listAuditEvents({ db, query }), { headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
