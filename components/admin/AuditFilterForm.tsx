"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type TAuditAction, type TAuditOutcome } from "@/lib/auth/audit-actions";
import {
  EMPTY_AUDIT_FILTER_FORM,
  toAuditFilter,
  type TAuditFilter,
  type TAuditFilterForm,
} from "@/lib/client/audit-filter";
import { isLocale } from "@/lib/i18n/locales";
import type { TAdminUnit } from "./admin-unit";
import { useAuditActionLabel } from "./use-audit-action-label";

/** The audit trail's filter; applied on submit, so that typing a name does not query on every key. */
export function AuditFilterForm({
  units,
  onApply,
}: {
  readonly units: readonly TAdminUnit[];
  readonly onApply: (filter: TAuditFilter) => void;
}) {
  const t = useTranslations("admin.audit.filter");
  const tOutcome = useTranslations("admin.audit.outcomes");
  const actionLabel = useAuditActionLabel();
  const id = useId();
  // The zone the page shows local times in (the station's, lib/i18n/request.ts): the filter reads its times in it too.
  const timeZone = useTimeZone() ?? "UTC";
  // Times are typed in the page's language format (lib/time/parse-form-date.ts), not the browser's: a native
  // datetime input shows the browser's locale, month first on an English-US browser under a French page.
  const locale = useLocale();
  const [form, setForm] = useState<TAuditFilterForm>(EMPTY_AUDIT_FILTER_FORM);
  const [invalid, setInvalid] = useState<"from" | "to" | "range" | null>(null);
  const set = <K extends keyof TAuditFilterForm>(key: K, value: TAuditFilterForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = toAuditFilter(form, timeZone, isLocale(locale) ? locale : "en");
    setInvalid(result.ok ? null : result.field);
    if (result.ok) onApply(result.filter);
  };

  const clear = () => {
    setForm(EMPTY_AUDIT_FILTER_FORM);
    setInvalid(null);
    onApply({});
  };

  const rangeError = invalid === null ? undefined : t(invalid === "range" ? "rangeInvalid" : "timeInvalid");

  return (
    <form className="admin-form admin-filter" onSubmit={apply} aria-label={t("label")} data-testid="audit-filter">
      <label className="admin-form__field">
        <span>{t("from")}</span>
        <input
          type="text"
          name="from"
          placeholder={t("timePlaceholder")}
          autoComplete="off"
          value={form.from}
          onChange={(event) => set("from", event.target.value)}
          aria-invalid={invalid === "from" || invalid === "range" ? true : undefined}
          aria-describedby={rangeError ? `${id}-range` : undefined}
        />
      </label>
      <label className="admin-form__field">
        <span>{t("to")}</span>
        <input
          type="text"
          name="to"
          placeholder={t("timePlaceholder")}
          autoComplete="off"
          value={form.to}
          onChange={(event) => set("to", event.target.value)}
          aria-invalid={invalid === "to" || invalid === "range" ? true : undefined}
          aria-describedby={rangeError ? `${id}-range` : undefined}
        />
      </label>
      <label className="admin-form__field">
        <span>{t("actor")}</span>
        <input
          type="search"
          name="actor"
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          value={form.actor}
          onChange={(event) => set("actor", event.target.value)}
        />
      </label>
      <label className="admin-form__field">
        <span>{t("action")}</span>
        <select
          name="action"
          value={form.action}
          onChange={(event) => set("action", event.target.value as TAuditAction | "")}
        >
          <option value="">{t("any")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-form__field">
        <span>{t("outcome")}</span>
        <select
          name="outcome"
          value={form.outcome}
          onChange={(event) => set("outcome", event.target.value as TAuditOutcome | "")}
        >
          <option value="">{t("any")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {tOutcome(outcome)}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-form__field">
        <span>{t("unit")}</span>
        <select name="unitId" value={form.unitId} onChange={(event) => set("unitId", event.target.value)}>
          <option value="">{t("any")}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <div className="admin-form__actions admin-filter__actions">
        <button type="submit" className="admin-button admin-button--primary" data-testid="audit-apply">
          {t("apply")}
        </button>
        <button type="button" className="admin-button" onClick={clear}>
          {t("clear")}
        </button>
      </div>
      <p className="admin-form__hint admin-filter__hint">{t("timeHint", { zone: timeZone })}</p>
      {rangeError && (
        <p id={`${id}-range`} className="admin-form__field-error admin-filter__hint" role="alert">
          {rangeError}
        </p>
      )}
    </form>
  );
}
