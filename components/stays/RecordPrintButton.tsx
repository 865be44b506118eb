"use client";

import { useTranslations } from "next-intl";

export function RecordPrintButton() {
  const t = useTranslations("stayRecord");
  return (
    <button type="button" className="button no-print" onClick={() => window.print()} data-testid="stay-record-print">
      {t("print")}
    </button>
  );
}
