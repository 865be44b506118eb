"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { TUserDto } from "@/lib/auth/account-dtos";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import { FieldMessage } from "./FieldMessage";
import { FormError, useAdminErrors } from "./FormError";

/** An admin types a new password for someone (who forgot theirs); the server ends that person's sessions. */
export function ResetPasswordForm({
  user,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  readonly user: TUserDto;
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSubmit: (password: string) => void;
  readonly onCancel: () => void;
}) {
  const t = useTranslations("admin.users.password");
  const id = useId();
  const errors = useAdminErrors();
  const [password, setPassword] = useState("");
  const [show, setShow] = useState(false);
  const message = errors.field(error, "password");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(password);
  };

  return (
    <form className="admin-form" onSubmit={submit} data-testid="password-form">
      <p className="admin-form__warning">{t("warning", { name: user.displayName })}</p>
      <div className="admin-form__field">
        <label htmlFor={`${id}-password`}>{t("label")}</label>
        <input
          id={`${id}-password`}
          name="password"
          type={show ? "text" : "password"}
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={256}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={[`${id}-hint`, message ? `${id}-error` : undefined].filter(Boolean).join(" ")}
        />
        <span id={`${id}-hint`} className="admin-form__hint">
          {t("hint", { min: PASSWORD_MIN_LENGTH })}
        </span>
        <label className="admin-form__check">
          <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} />
          <span>{t("show")}</span>
        </label>
        <FieldMessage id={`${id}-error`} message={message} />
      </div>
      <FormError error={error} shownFields={["password"]} />
      <div className="admin-form__actions">
        <button type="button" className="admin-button" onClick={onCancel}>
          {t("cancel")}
        </button>
        <button
          type="submit"
          className="admin-button admin-button--primary"
          disabled={busy}
          data-testid="password-form-submit"
        >
          {busy ? t("saving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
