/** One line of an audit event's details as the audit page shows it: what (a catalogue key) and its value. */
export interface TAuditDetailLine {
  readonly key: string;
  readonly value: string;
}

/** Internal references: ids and log positions mean nothing on a screen; the CSV export keeps them. */
const INTERNAL_KEY = /(?:Id|Ids|Seq)$/;

/**
 * An audit event's details as lines a person reads, rather than its stored JSON: the alarm rule by its name, units
 * by their names, and no internal id (the export has them all). Order as stored.
 */
export function auditDetailLines(
  details: Readonly<Record<string, unknown>>,
  names: { readonly rule: (ruleId: string) => string; readonly unit: (unitId: string) => string },
): TAuditDetailLine[] {
  const lines: TAuditDetailLine[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === "ruleId" && typeof value === "string") lines.push({ key: "rule", value: names.rule(value) });
    else if (key === "unitIds" && Array.isArray(value))
      lines.push({ key: "units", value: value.map((id) => names.unit(String(id))).join(", ") });
    else if (!INTERNAL_KEY.test(key) && value !== null && value !== undefined)
      lines.push({ key, value: typeof value === "string" ? value : JSON.stringify(value) });
  }
  return lines;
}
