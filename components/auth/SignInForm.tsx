"use client";

import "./auth.css";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { TRole } from "@/lib/auth/roles";
import { isTabletViewport, landingPath } from "@/lib/client/landing";
import { AuthRequestError, signIn } from "@/lib/client/auth-api";

export interface TDemoCredential {
  readonly username: string;
  readonly password: string;
  readonly role: TRole;
}

/**
 * Username and password. A refusal says only "incorrect" or "paused, retry in N min" (the server never says which
 * part was wrong, or whether the name exists). In a demo, each demo account has a button that fills the form.
 */
export function SignInForm({
  next,
  demoAccounts,
}: {
  readonly next: string | null;
  readonly demoAccounts: readonly TDemoCredential[];
}) {
  const t = useTranslations("auth.signIn");
  const tRoles = useTranslations("auth.roles");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn(username, password).then(
      () => window.location.assign(landingPath(next, isTabletViewport())),
      (failure: unknown) => {
        setBusy(false);
        setPassword("");
        if (failure instanceof AuthRequestError && failure.status === 429) {
          setError(t("locked", { minutes: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)) }));
        } else if (failure instanceof AuthRequestError && failure.status === 401) {
          setError(t("incorrect"));
        } else if (failure instanceof AuthRequestError && failure.status === 400) {
          setError(t("missing"));
        } else {
          setError(t("unavailable"));
        }
      },
    );
  };

  return (
    <>
      <form className="auth-form" onSubmit={submit} data-testid="sign-in-form">
        <label className="auth-form__field">
          <span>{t("username")}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="auth-form__field">
          <span>{t("password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="auth-form__error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="auth-form__submit" disabled={busy}>
          {busy ? t("submitting") : t("submit")}
        </button>
      </form>
      {demoAccounts.length > 0 && (
        <section className="demo-accounts" aria-labelledby="demo-accounts-title" data-testid="demo-accounts">
          <h2 id="demo-accounts-title">{t("demoTitle")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("username")}</th>
                <th scope="col">{t("password")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("use")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {demoAccounts.map((account) => (
                <tr key={account.username} data-testid={`demo-account-${account.username}`}>
                  <td>{tRoles(account.role)}</td>
                  <td>
                    <code>{account.username}</code>
                  </td>
                  <td>
                    <code>{account.password}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setUsername(account.username);
                        setPassword(account.password);
                        setError(null);
                      }}
                    >
                      {t("use")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
