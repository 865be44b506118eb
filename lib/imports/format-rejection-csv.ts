import type { TImportRejection } from "./import-record";

export const REJECTION_CSV_HEADER = "location,field,value,code,reason\r\n";

/**
 * One line of the rejection report (RFC 4180). A cell that a spreadsheet would run as a formula (=, +, -, @ first)
 * is prefixed with a quote: the values come from outside files and the report is opened in spreadsheets.
 */
export function formatRejectionCsv(rejection: TImportRejection): string {
  return (
    [rejection.location, rejection.field, rejection.value, rejection.code, rejection.reason].map(cell).join(",") +
    "\r\n"
  );
}

function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
