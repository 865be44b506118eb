import { ZAuditQuery } from "@/lib/auth/schemas";
import { actorOf, recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { streamAuditCsv } from "@/lib/db/audit/stream-audit-csv";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/**
 * Downloads every audit event matching the audit page's filter as CSV (at most AUDIT_EXPORT_MAX_ROWS,
 * lib/auth/audit-export.ts; a longer export ends with a line saying it was cut). Same query string as GET
 * /api/admin/audit.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const { db, principal, context } = await authorizeAction(request, "audit.view");
    const query = parseSearchParams(ZAuditQuery, request.url);
    // Who took a copy of the trail, and of what: recorded before the first row leaves.
    await recordAuditEvent({
      db,
      action: "audit.exported",
      actor: actorOf(principal),
      context,
      details: { filter: query },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(streamAuditCsv({ db, query }), {
      headers: {
        ...NO_STORE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${day}.csv"`,
      },
    });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
