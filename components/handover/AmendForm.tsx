"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { amendHandover } from "@/lib/client/handover-api";
import { AMENDABLE_FIELDS, ILLNESS_SEVERITIES, type TContingency } from "@/lib/handover";

type TAmendment = Parameters<typeof amendHandover>[2];

/** The amendment of a signed sheet: which part, its new value and why (the sheet itself stays as signed). */
export function AmendForm({
  contingencies,
  busy,
  onAmend,
}: {
  /** The sheet's contingencies as edited, sent when they are the part amended. */
  readonly contingencies: readonly TContingency[];
  readonly busy: boolean;
  readonly onAmend: (amendment: TAmendment) => void;
}) {
  const t = useTranslations("handover");
  const [field, setField] = useState<(typeof AMENDABLE_FIELDS)[number]>("situation");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAmend({ field, value: field === "contingencies" ? contingencies : value, reason } as TAmendment);
  };
  return (
    <form className="handover-editor" onSubmit={submit} data-testid="handover-amend-form">
      <h3>{t("sections.amendments")}</h3>
      <label htmlFor="handover-amend-field">{t("amend.field")}</label>
      <select
        id="handover-amend-field"
        value={field}
        onChange={(e) => setField(e.target.value as (typeof AMENDABLE_FIELDS)[number])}
      >
        {AMENDABLE_FIELDS.filter((f) => f !== "contingencies").map((f) => (
          <option key={f} value={f}>
            {t(`amend.fields.${f}`)}
          </option>
        ))}
      </select>
      <label htmlFor="handover-amend-value">{t("amend.value")}</label>
      {field === "illnessSeverity" ? (
        <select id="handover-amend-value" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="" />
          {ILLNESS_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      ) : (
        <textarea id="handover-amend-value" rows={2} value={value} onChange={(e) => setValue(e.target.value)} />
      )}
      <label htmlFor="handover-amend-reason">{t("amend.reason")}</label>
      <input id="handover-amend-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="handover-button" disabled={busy}>
        {t("amend.submit")}
      </button>
    </form>
  );
}
