import type { TAuditAction, TAuditOutcome } from "@/lib/auth/audit-actions";
import type { TLocale } from "@/lib/i18n/locales";
import { parseFormDate } from "@/lib/time/parse-form-date";
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

/**
 * The filter form as typed: `from` and `to` are text in the page's language format ("23/11/2026 08:30",
 * lib/time/parse-form-date.ts), or ISO ("2026-11-23T08:30").
 */
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
 * The form as a filter, or which field is wrong. A typed time has no zone: it is read in `timeZone`, the
 * station's, in which the page also shows each event's local time (so that a time copied from a row filters on it),
 * and sent as a UTC instant, which is what the server compares.
 */
export function toAuditFilter(
  form: TAuditFilterForm,
  timeZone: string,
  locale: TLocale = "en",
): { ok: true; filter: TAuditFilter } | { ok: false; field: "from" | "to" | "range" } {
  const from = localInputToIso(form.from, timeZone, locale);
  const to = localInputToIso(form.to, timeZone, locale);
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

/** "" → undefined (not set); an unreadable value → null (say so rather than silently widen the filter). */
function localInputToIso(value: string, timeZone: string, locale: TLocale): string | undefined | null {
  if (value.trim() === "") return undefined;
  const typed = parseFormDate({ text: value, locale, kind: "dateTime" });
  if (typed === null) return null;
  return localTimeToDate({ ...typed, millisecond: 0 }, timeZone).toISOString();
}
