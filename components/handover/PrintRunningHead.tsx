import { useTranslations } from "next-intl";
import type { THandoverSheetView } from "@/lib/handover";
import { useShiftText } from "./ShiftTitle";

/** A CSS string literal: quotes, backslashes and line breaks escaped, and "<" so that no text can end the <style>. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * What every printed page of a bed's sheet carries, in the page's own margins: the bed, the patient and the shift at
 * the top, "page N / M" at the bottom. Pages come apart on a clipboard; a page without them cannot be told from
 * another patient's. CSS paged media (named pages and margin boxes, Chromium 131 and later) draws them on every page
 * the sheet runs to: `pageName` names this sheet's pages (the sheet's element carries data-print-page).
 */
export function PrintRunningHead({
  sheet,
  pageName,
}: {
  readonly sheet: THandoverSheetView;
  readonly pageName: string;
}) {
  const t = useTranslations("handover.printPages");
  const shiftText = useShiftText();
  const patient = sheet.data ? `${sheet.data.patient.initials} · ${sheet.data.patient.identifier}` : t("noPatient");
  const head = t("runningHead", {
    label: sheet.bed.label,
    patient,
    shift: shiftText(sheet.shift, sheet.bed.timeZone),
  });
  const css =
    `@media print { @page ${pageName} { ` +
    `@top-left { content: ${cssString(head)}; font-size: 9pt; } ` +
    `@bottom-right { content: ${cssString(t("page"))} " " counter(page) " / " counter(pages); font-size: 9pt; } } ` +
    `[data-print-page="${pageName}"] { page: ${pageName}; } }`;
  // The text is escaped for CSS above (cssString); the page name is made by the caller from an index.
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}
