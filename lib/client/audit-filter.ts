import type { TAuditAction, TAuditOutcome } from "@/lib/auth/audit-actions";
import { localTimeToDate } from "@/lib/time/zoned-time";

/** The audit page's filter once applied: what the list and the CSV export are asked for. Empty fields are absent. */
export interface TAuditFilter {
  readonly from?: string;
  readonly to?: string;
  readonly actor?: string;
  readonly action?: TAuditAction;
  readonly outcome?: TAuditOutcome;
  readonly unitId?: string;
}

/** The filter form as typed: `from` and `to` are `<input type="datetime-local">` values ("2026-11-23T08:30"). */
export interface TAuditFilterForm {
  from: string;
  to: string;
  actor: string;
  action: TAuditAction | "";
  outcome: TAuditOutcome | "";
  unitId: string;
}

export const EMPTY_AUDIT_FILTER_FORM: TAuditFilterForm = {
  from: "",
  to: "",
  actor: "",
  action: "",
  outcome: "",
  unitId: "",
};

/**
 * The form as a filter, or which field is wrong. A datetime-local value has no zone: it is read in `timeZone`, the
 * station's, in which the page also shows each event's local time (so that a time copied from a row filters on it),
 * and sent as a UTC instant, which is what the server compares.
 */
export function toAuditFilter(
  form: TAuditFilterForm,
  timeZone: string,
): { ok: true; filter: TAuditFilter } | { ok: false; field: "from" | "to" | "range" } {
  const from = localInputToIso(form.from, timeZone);
  const to = localInputToIso(form.to, timeZone);
  if (from === null) return { ok: false, field: "from" };
  if (to === null) return { ok: false, field: "to" };
  if (from && to && from >= to) return { ok: false, field: "range" };
  const actor = form.actor.trim();
  return {
    ok: true,
    filter: {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(actor ? { actor } : {}),
      ...(form.action ? { action: form.action } : {}),
      ...(form.outcome ? { outcome: form.outcome } : {}),
      ...(form.unitId ? { unitId: form.unitId } : {}),
    },
  };
}

/** The query string of GET /api/admin/audit and of its CSV export: only the fields that are set. */
export function auditQueryString(filter: TAuditFilter, page: { before?: number; limit?: number } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...page })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "" → undefined (not set); an unreadable value → null (say so rather than silently widen the filter). */
function localInputToIso(value: string, timeZone: string): string | undefined | null {
  if (value.trim() === "") return undefined;
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined)
    return null;
  // Date.UTC rolls 31 February over into March: a day the calendar does not have is refused instead.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return null;
  return localTimeToDate({ year, month, day, hour, minute, second, millisecond: 0 }, timeZone).toISOString();
}
