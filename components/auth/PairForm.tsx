"use client";

import "./auth.css";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { AuthRequestError, pairDisplay } from "@/lib/client/auth-api";

/**
 * The wall screen's sign-in: the one-time code an admin read off the displays page. On success the browser is
 * signed in as that display, for good, and opens its unit's central station.
 */
export function PairForm({ initialCode }: { readonly initialCode: string }) {
  const t = useTranslations("auth.pair");
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    pairDisplay(code).then(
      (display) =>
        window.location.assign(display.unitIds[0] ? `/station/${encodeURIComponent(display.unitIds[0])}` : "/"),
      (failure: unknown) => {
        setBusy(false);
        if (failure instanceof AuthRequestError && failure.status === 429)
          setError(t("throttled", { minutes: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)) }));
        else if (failure instanceof AuthRequestError && (failure.status === 401 || failure.status === 400))
          setError(t("invalid"));
        else setError(t("unavailable"));
      },
    );
  };

  return (
    <form className="auth-form" onSubmit={submit} data-testid="pair-form">
      <label className="auth-form__field">
        <span>{t("code")}</span>
        <input
          name="code"
          className="auth-form__code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={12}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      {error && (
        <p className="auth-form__error" role="alert" data-testid="pair-error">
          {error}
        </p>
      )}
      <button type="submit" className="auth-form__submit" disabled={busy}>
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
