"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { postStay } from "@/lib/client/stays-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";

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
