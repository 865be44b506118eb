"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useCan } from "@/lib/client/session-user";
import { isLocale } from "@/lib/i18n/locales";
import { formDateToIsoDay, parseFormDate } from "@/lib/time/parse-form-date";
import { SEXES, type TBedStay } from "@/lib/stays/stay";
import { Failure, Field, num, text, useAction, useWhen } from "./stay-form-parts";

/**
 * A free bed's admission form, for those who may admit (stay.manage); others read that the bed is free. The arrival
 * time is now unless typed (an admission recorded after the patient arrived), in the unit's zone.
 */
export function AdmitForm({
  data,
  onDone,
  timeZone,
}: {
  readonly data: TBedStay;
  readonly onDone: () => void;
  readonly timeZone: string;
}) {
  const t = useTranslations("stays");
  const may = useCan("stay.manage");
  const locale = useLocale();
  const { error, busy, run } = useAction(data.bed.id, onDone, timeZone);
  const [dateError, setDateError] = useState<string | null>(null);
  const arrived = useWhen("admittedAt", timeZone);
  if (!may) return <p data-testid="stay-free">{t("freeBed")}</p>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    // Typed day first in the page's language (lib/time/parse-form-date.ts), not in the browser's date format.
    const birth = parseFormDate({
      text: text(f, "birthDate") ?? "",
      locale: isLocale(locale) ? locale : "en",
      kind: "date",
    });
    setDateError(birth === null ? t("birthDateInvalid") : null);
    const admittedAt = arrived.read(f);
    if (birth === null || admittedAt === undefined) return;
    void run("stay", {
      mrn: text(f, "mrn") ?? "",
      givenName: text(f, "givenName") ?? "",
      familyName: text(f, "familyName") ?? "",
      birthDate: formDateToIsoDay(birth),
      sex: text(f, "sex") ?? "U",
      weightKg: num(f, "weightKg"),
      heightCm: num(f, "heightCm"),
      diagnosis: text(f, "diagnosis"),
      admittedAt,
    });
  };
  return (
    <form className="stay-panel__form" onSubmit={submit} data-testid="admit-form">
      <h3>{t("admitTitle", { label: data.bed.label })}</h3>
      <Field label={t("mrn")}>
        <input name="mrn" required autoComplete="off" />
      </Field>
      <Field label={t("familyName")}>
        <input name="familyName" required autoComplete="off" />
      </Field>
      <Field label={t("givenName")}>
        <input name="givenName" required autoComplete="off" />
      </Field>
      <Field label={t("birthDate")}>
        <input
          name="birthDate"
          required
          autoComplete="off"
          placeholder={t("birthDatePlaceholder")}
          aria-invalid={dateError ? true : undefined}
        />
      </Field>
      <Field label={t("sex")}>
        <select name="sex" defaultValue="U">
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {t(`sexes.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("weightKg")}>
        <input name="weightKg" inputMode="decimal" />
      </Field>
      <Field label={t("heightCm")}>
        <input name="heightCm" inputMode="decimal" />
      </Field>
      <Field label={t("diagnosis")}>
        <input name="diagnosis" autoComplete="off" />
      </Field>
      {arrived.field(t("admittedAt"))}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="admit-submit">
        {busy ? t("admitting") : t("admit")}
      </button>
      <Failure message={dateError ?? arrived.invalid ?? error} />
    </form>
  );
}
