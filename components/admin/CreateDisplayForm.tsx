"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { TCreateDisplay } from "@/lib/auth/schemas";
import type { TAdminUnit } from "./admin-unit";
import { FieldMessage } from "./FieldMessage";
import { FormError, useAdminErrors } from "./FormError";

/** A new wall screen: a name people recognise ("Unit A corridor") and the one unit it shows. */
export function CreateDisplayForm({
  units,
  busy,
  error,
  onSubmit,
}: {
  readonly units: readonly TAdminUnit[];
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSubmit: (input: TCreateDisplay) => void;
}) {
  const t = useTranslations("admin.displays.form");
  const id = useId();
  const errors = useAdminErrors();
  const [displayName, setDisplayName] = useState("");
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const nameError = errors.field(error, "displayName");
  const unitError = errors.field(error, "unitId") ?? errors.field(error, "unitIds");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ displayName, unitId });
  };

  return (
    <form className="admin-form admin-form--inline" onSubmit={submit} data-testid="display-form">
      <label className="admin-form__field">
        <span>{t("name")}</span>
        <input
          name="displayName"
          required
          maxLength={120}
          autoComplete="off"
          placeholder={t("namePlaceholder")}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        <FieldMessage id={`${id}-name-error`} message={nameError} />
      </label>
      <label className="admin-form__field">
        <span>{t("unit")}</span>
        <select
          name="unitId"
          required
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          aria-invalid={unitError ? true : undefined}
          aria-describedby={unitError ? `${id}-unit-error` : undefined}
        >
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-unit-error`} message={unitError} />
      </label>
      <div className="admin-form__actions">
        <button
          type="submit"
          className="admin-button admin-button--primary"
          disabled={busy || units.length === 0}
          data-testid="display-form-submit"
        >
          {busy ? t("creating") : t("create")}
        </button>
      </div>
      <FormError error={error} shownFields={["displayName", "unitId", "unitIds"]} />
    </form>
  );
}
