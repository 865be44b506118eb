/** One line of an audit event's details as the audit page shows it: what (a catalogue key) and its value. */
export interface TAuditDetailLine {
  readonly key: string;
  readonly value: string;
}

/**
 * Internal references: ids, log positions and the technical route a request came by ("socket alarm:acknowledge")
 * mean nothing on a screen; the CSV export keeps them.
 */
const INTERNAL_KEY = /(?:Id|Ids|Seq)$|^via$/;

/** How the page names what it would otherwise print as a code. */
export interface TAuditNames {
  readonly rule: (ruleId: string) => string;
  readonly unit: (unitId: string) => string;
  /** A permission ("bed.view") as what it lets a person do: "open a bed's view". */
  readonly permission: (permission: string) => string;
  /** Why access was refused ("role", "unit") as a sentence. */
  readonly deniedReason: (reason: "role" | "unit") => string;
}

/**
 * An audit event's details as lines a person reads, rather than its stored JSON: the alarm rule by its name, units
 * by their names, a refused access as what was attempted and why, and no internal id or code (the export has them
 * all). Order as stored.
 */
export function auditDetailLines(
  details: Readonly<Record<string, unknown>>,
  names: TAuditNames,
  /** The event's action: an access refusal's "action" detail is the permission it lacked, not an audit action. */
  eventAction = "",
): TAuditDetailLine[] {
  const denied = eventAction === "access.denied";
  const lines: TAuditDetailLine[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === "ruleId" && typeof value === "string") lines.push({ key: "rule", value: names.rule(value) });
    else if (key === "unitIds" && Array.isArray(value))
      lines.push({ key: "units", value: value.map((id) => names.unit(String(id))).join(", ") });
    else if (denied && key === "action" && typeof value === "string")
      lines.push({ key: "permission", value: names.permission(value) });
    else if (denied && key === "reason" && (value === "role" || value === "unit"))
      lines.push({ key: "reason", value: names.deniedReason(value) });
    else if (!INTERNAL_KEY.test(key) && value !== null && value !== undefined)
      lines.push({ key, value: typeof value === "string" ? value : JSON.stringify(value) });
  }
  return lines;
}
