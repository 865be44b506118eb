import { stringify } from "csv-stringify/sync";
import type { TAuditEventDto } from "./audit-actions";

const COLUMNS = [
  "id",
  "at_utc",
  "actor_id",
  "actor_name",
  "actor_role",
  "action",
  "outcome",
  "target_type",
  "target_id",
  "unit_id",
  "ip_address",
  "user_agent",
  "details",
] as const;

/**
 * The audit export (RFC 4180, CRLF, header first). Usernames and user agents come from outside, and the file is
 * opened in spreadsheets: a cell a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote.
 */
export function formatAuditCsv(events: readonly TAuditEventDto[], options: { header: boolean }): string {
  const rows = events.map((e) =>
    [
      e.id,
      e.at,
      e.actorId,
      e.actorName,
      e.actorRole,
      e.action,
      e.outcome,
      e.targetType,
      e.targetId,
      e.unitId,
      e.ipAddress,
      e.userAgent,
      JSON.stringify(e.details),
    ].map(safeCell),
  );
  return stringify(rows, { header: options.header, columns: [...COLUMNS], record_delimiter: "windows" });
}

function safeCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
