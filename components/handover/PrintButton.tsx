"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("handover");
  return (
    <button
      type="button"
      className="handover-button no-print"
      onClick={() => window.print()}
      data-testid="handover-print"
    >
      {t("print")}
    </button>
  );
}
