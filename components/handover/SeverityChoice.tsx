"use client";

import { useTranslations } from "next-intl";
import { ILLNESS_SEVERITIES, type TIllnessSeverity } from "@/lib/handover";

/**
 * The illness severity radios. Only the checked option carries its severity's colour: an option coloured whatever
 * is checked (as "Unstable" once was) makes a Watcher sheet read Unstable at a glance.
 */
export function SeverityChoice({
  severity,
  onChange,
}: {
  readonly severity: TIllnessSeverity | null;
  readonly onChange: (severity: TIllnessSeverity) => void;
}) {
  const t = useTranslations("handover");
  return (
    <fieldset className="handover-fieldset" data-testid="handover-severity-choice">
      <legend>{t("illness.choose")}</legend>
      {ILLNESS_SEVERITIES.map((s) => (
        <label
          key={s}
          className={
            severity === s ? `handover-radio handover-radio--checked handover-severity--${s}` : "handover-radio"
          }
          data-checked={severity === s}
        >
          <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => onChange(s)} />{" "}
          {t(`severity.${s}`)}
        </label>
      ))}
    </fieldset>
  );
}
