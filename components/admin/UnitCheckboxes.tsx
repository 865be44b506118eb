"use client";

import { useTranslations } from "next-intl";
import type { TAdminUnit } from "./admin-unit";
import { FieldMessage } from "./FieldMessage";

/** The units a person belongs to (a multi-select as checkboxes: each one labelled and reachable by keyboard). */
export function UnitCheckboxes({
  units,
  selected,
  onChange,
  error,
  idPrefix,
}: {
  readonly units: readonly TAdminUnit[];
  readonly selected: readonly string[];
  readonly onChange: (unitIds: string[]) => void;
  readonly error: string | undefined;
  readonly idPrefix: string;
}) {
  const t = useTranslations("admin.users.form");
  const errorId = `${idPrefix}-units-error`;
  const toggle = (unitId: string, checked: boolean) =>
    onChange(checked ? [...selected, unitId] : selected.filter((id) => id !== unitId));
  return (
    <fieldset
      className="admin-form__units"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t("units")}</legend>
      {units.length === 0 && <p className="admin__muted">{t("noUnits")}</p>}
      {units.map((unit) => (
        <label key={unit.id} className="admin-form__check">
          <input
            type="checkbox"
            name="unitIds"
            value={unit.id}
            checked={selected.includes(unit.id)}
            onChange={(event) => toggle(unit.id, event.target.checked)}
          />
          <span>{unit.name}</span>
        </label>
      ))}
      <p className="admin__muted admin-form__hint">{t("unitsHint")}</p>
      <FieldMessage id={errorId} message={error} />
    </fieldset>
  );
}
