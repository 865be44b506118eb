"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

/**
 * A date and time typed as text, day first on a 24 h clock, in the unit's zone, the one its clock shows (lib/time/form-date-time.ts), rather
 * than a native datetime-local input, which Chromium shows in the operating system's locale (month first, AM/PM on
 * an English-US machine) whatever the page's language (issue 17). The form checks the text on submit and sets
 * `invalid`; the message says how to type it, from the catalogue.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  invalid,
  required = true,
  testId,
  className,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly invalid: boolean;
  /** False where the time may be left empty (an import mapping's admission). */
  readonly required?: boolean;
  readonly testId?: string;
  readonly className?: string;
}) {
  const t = useTranslations("dateTimeField");
  const id = useId();
  return (
    <label className={className}>
      <span>{label}</span>
      <input
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={t("placeholder")}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {invalid && (
        <small id={`${id}-error`} className="date-time-field__error" role="alert">
          {t("invalid")}
        </small>
      )}
    </label>
  );
}
