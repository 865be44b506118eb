"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { postStay } from "@/lib/client/stays-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { isLocale, type TLocale } from "@/lib/i18n/locales";
import { readFormDateTime } from "@/lib/time/form-date-time";

/* What the stay panel's forms share: the POST with its refusal, the field frame, and reading a form's values. */

/**
 * Posts a form, shows the station's refusal in the page's language (a time in `timeZone`, the unit's), and calls
 * onDone after a commit.
 */
export function useAction(bedId: string, onDone: () => void, timeZone?: string) {
  const describe = useDescribeRequestError(timeZone);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (rest: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await postStay(bedId, rest, body);
      onDone();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

export function Failure({ message }: { readonly message: string | null }) {
  const t = useTranslations("stays");
  if (!message) return null;
  return (
    <p className="stay-panel__error" role="alert" data-testid="stay-error">
      {t("failed", { message })}
    </p>
  );
}

export function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <label className="stay-panel__field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export const text = (form: FormData, name: string) => {
  const raw = form.get(name);
  const v = typeof raw === "string" ? raw.trim() : "";
  return v === "" ? null : v;
};
export const num = (form: FormData, name: string) => {
  const v = text(form, name);
  return v === null ? null : Number(v.replace(",", "."));
};

/**
 * The time of a late entry as typed: empty is now (null), else a date and time read in the unit's zone (the format of
 * components/ui/DateTimeField.tsx, day first); undefined when the text is not a time.
 */
export function readWhen(typed: string | null, locale: TLocale, timeZone: string): number | null | undefined {
  if (typed === null || typed.trim() === "") return null;
  return readFormDateTime({ text: typed.trim(), locale, timeZone }) ?? undefined;
}

/**
 * When it happened, for an entry made after the fact (a patient admitted, a cannula placed or a support ended while
 * nobody could type): left empty it is now. The operations refuse a time in the future or out of order with the
 * stay (lib/db/stays); the form only checks that the text is a time, and says how to type one when it is not.
 */
export function useWhen(name: string, timeZone: string) {
  const t = useTranslations("dateTimeField");
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "en";
  const [invalid, setInvalid] = useState(false);
  return {
    invalid: invalid ? t("invalid") : null,
    field: (label: string) => (
      <Field label={label}>
        <input
          name={name}
          autoComplete="off"
          spellCheck={false}
          placeholder={t("placeholder")}
          aria-invalid={invalid ? true : undefined}
          data-testid={`when-${name}`}
        />
      </Field>
    ),
    /** The instant typed, null for now, undefined (and the form says so) when it is not a time. */
    read: (form: FormData): number | null | undefined => {
      const at = readWhen(text(form, name), locale, timeZone);
      setInvalid(at === undefined);
      return at;
    },
  };
}
