"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { TUserDto } from "@/lib/auth/account-dtos";
import { PERSON_ROLES } from "@/lib/auth/roles";
import { PASSWORD_MIN_LENGTH, type TCreateUser, type TUpdateUser } from "@/lib/auth/schemas";
import type { TAdminUnit } from "./admin-unit";
import { FieldMessage } from "./FieldMessage";
import { FormError, useAdminErrors } from "./FormError";
import { UnitCheckboxes } from "./UnitCheckboxes";

type TPersonRole = (typeof PERSON_ROLES)[number];

export type TUserFormProps = {
  readonly units: readonly TAdminUnit[];
  readonly busy: boolean;
  readonly error: unknown;
  readonly onCancel: () => void;
} & (
  | { readonly mode: "create"; readonly onSubmit: (input: TCreateUser) => void }
  | {
      readonly mode: "edit";
      readonly user: TUserDto;
      readonly isSelf: boolean;
      readonly onSubmit: (changes: TUpdateUser | null) => void;
    }
);

/**
 * Creating a person's account, or changing its name, role and units. The browser checks lengths first (in the
 * page's language); the server's verdict, field by field, is shown beside the inputs.
 */
export function UserForm(props: TUserFormProps) {
  const t = useTranslations("admin.users.form");
  const tRole = useTranslations("auth.roles");
  const id = useId();
  const errors = useAdminErrors();
  const editing = props.mode === "edit" ? props.user : null;
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState(editing?.displayName ?? "");
  const [role, setRole] = useState<TPersonRole>(editing && editing.role !== "display" ? editing.role : "nurse");
  const [unitIds, setUnitIds] = useState<string[]>(editing?.unitIds ?? []);
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const selfLocked = props.mode === "edit" && props.isSelf;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.mode === "create") {
      props.onSubmit({ username, displayName, role, unitIds, password });
      return;
    }
    const user = props.user;
    const sameUnits = [...unitIds].sort().join("\n") === [...user.unitIds].sort().join("\n");
    const changes: TUpdateUser = {
      ...(displayName.trim() !== user.displayName ? { displayName } : {}),
      ...(role !== user.role ? { role } : {}),
      ...(sameUnits ? {} : { unitIds }),
    };
    props.onSubmit(Object.keys(changes).length > 0 ? changes : null);
  };

  const field = (name: string) => {
    const message = errors.field(props.error, name);
    return {
      message,
      errorId: `${id}-${name}-error`,
      invalid: message ? true : undefined,
      describedBy: message ? `${id}-${name}-error` : undefined,
    };
  };
  const fUsername = field("username");
  const fName = field("displayName");
  const fRole = field("role");
  const fPassword = field("password");

  return (
    <form className="admin-form" onSubmit={submit} data-testid="user-form">
      {props.mode === "create" ? (
        <label className="admin-form__field">
          <span>{t("username")}</span>
          <input
            name="username"
            required
            minLength={3}
            maxLength={64}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={fUsername.invalid}
            aria-describedby={[`${id}-username-hint`, fUsername.describedBy].filter(Boolean).join(" ")}
          />
          <span id={`${id}-username-hint`} className="admin-form__hint">
            {t("usernameHint")}
          </span>
          <FieldMessage id={fUsername.errorId} message={fUsername.message} />
        </label>
      ) : (
        <p className="admin-form__readonly">
          <span>{t("username")}</span> <code>{props.user.username}</code>
        </p>
      )}

      <label className="admin-form__field">
        <span>{t("displayName")}</span>
        <input
          name="displayName"
          required
          maxLength={120}
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          aria-invalid={fName.invalid}
          aria-describedby={fName.describedBy}
        />
        <FieldMessage id={fName.errorId} message={fName.message} />
      </label>

      <label className="admin-form__field">
        <span>{t("role")}</span>
        <select
          name="role"
          value={role}
          disabled={selfLocked}
          onChange={(event) => setRole(event.target.value as TPersonRole)}
          aria-invalid={fRole.invalid}
          aria-describedby={
            [selfLocked ? `${id}-role-self` : undefined, fRole.describedBy].filter(Boolean).join(" ") || undefined
          }
        >
          {PERSON_ROLES.map((option) => (
            <option key={option} value={option}>
              {tRole(option)}
            </option>
          ))}
        </select>
        {selfLocked && (
          <span id={`${id}-role-self`} className="admin-form__hint">
            {t("ownRole")}
          </span>
        )}
        <FieldMessage id={fRole.errorId} message={fRole.message} />
      </label>

      <UnitCheckboxes
        units={props.units}
        selected={unitIds}
        onChange={setUnitIds}
        error={errors.field(props.error, "unitIds")}
        idPrefix={id}
      />

      {props.mode === "create" && (
        <div className="admin-form__field">
          <label htmlFor={`${id}-password`}>{t("password")}</label>
          <input
            id={`${id}-password`}
            name="password"
            type={showPassword ? "text" : "password"}
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={256}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fPassword.invalid}
            aria-describedby={[`${id}-password-hint`, fPassword.describedBy].filter(Boolean).join(" ")}
          />
          <span id={`${id}-password-hint`} className="admin-form__hint">
            {t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
          </span>
          <label className="admin-form__check">
            <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
            <span>{t("showPassword")}</span>
          </label>
          <FieldMessage id={fPassword.errorId} message={fPassword.message} />
        </div>
      )}

      {props.mode === "edit" && (
        <p className="admin-form__warning" data-testid="sessions-end-warning">
          {t("sessionsEnd", { name: props.user.displayName })}
        </p>
      )}

      <FormError
        error={props.error}
        shownFields={
          props.mode === "create"
            ? ["username", "displayName", "role", "unitIds", "password"]
            : ["displayName", "role", "unitIds"]
        }
      />
      <div className="admin-form__actions">
        <button type="button" className="admin-button" onClick={props.onCancel}>
          {t("cancel")}
        </button>
        <button
          type="submit"
          className="admin-button admin-button--primary"
          disabled={props.busy}
          data-testid="user-form-submit"
        >
          {props.busy ? t("saving") : props.mode === "create" ? t("create") : t("save")}
        </button>
      </div>
    </form>
  );
}
