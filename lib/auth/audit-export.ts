/**
 * The most events one CSV export of the audit trail holds. The trail only grows; 100,000 rows (some 30 MB) is months
 * of a unit's activity and still opens in a spreadsheet. Past it the file ends with a line saying so, rather than
 * silently, and the admin narrows the time range to export the rest. Here (not in lib/db) so that the audit page
 * can say the same number.
 */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
