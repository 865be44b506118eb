import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/auth/audit-export";
import { formatAuditCsv } from "@/lib/auth/format-audit-csv";
import type { TAuditQuery } from "@/lib/auth/schemas";
import type { Db } from "../client";
import { listAuditEvents } from "./list-audit-events";

/** Events read per query: small enough that the single SQLite connection is never held long by an export. */
const PAGE_SIZE = 500;

export interface TStreamAuditCsv {
  db: Db;
  /** The audit page's filter; its `limit` is ignored (the export pages itself), its `before` is where it starts. */
  query: TAuditQuery;
  maxRows?: number;
  pageSize?: number;
}

/** The line that ends a capped export: one field, so spreadsheet and CSV readers show it without a column shift. */
function truncationNote(maxRows: number): string {
  return `# truncated: more than ${maxRows} events match this filter; narrow the time range (from/to) to export the rest\r\n`;
}

/**
 * Every event matching the filter as CSV, newest first, header once, read page by page with the id cursor as the
 * browser downloads it: memory stays flat, and events recorded during the download do not shift or repeat rows.
 */
export function streamAuditCsv({
  db,
  query,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
  pageSize = PAGE_SIZE,
}: TStreamAuditCsv): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before = query.before;
  let written = 0;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const remaining = maxRows - written;
      if (remaining <= 0) {
        // Only reached when the previous page said older events exist.
        controller.enqueue(encoder.encode(truncationNote(maxRows)));
        controller.close();
        return;
      }
      const page = await listAuditEvents({ db, query: { ...query, before, limit: Math.min(pageSize, remaining) } });
      controller.enqueue(encoder.encode(formatAuditCsv(page.events, { header: first })));
      first = false;
      written += page.events.length;
      if (page.nextBefore === null) controller.close();
      else before = page.nextBefore;
    },
  });
}
