"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { DEFAULT_SHIFT_PATTERN } from "@/lib/shifts";
import { FieldMessage } from "./FieldMessage";
import { FormError } from "./FormError";
import {
  issuesAllOnRows,
  lengthsOf,
  MAX_SHIFTS,
  newRow,
  patternOf,
  rowMessages,
  rowsOf,
  type TShiftRow,
} from "./shift-pattern-rows";

/**
 * A unit's shifts as rows of a name and a local start time. Each shift runs until the next one starts; the form shows
 * each one's length as it will be placed, and the server's refusal (two shifts at 07:00, a name twice) beside the row.
 */
export function ShiftPatternForm({
  initial,
  busy,
  error,
  onSubmit,
}: {
  readonly initial: { shifts: readonly { name: string; start: string }[] };
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSubmit: (pattern: { shifts: { name: string; start: string }[] }) => void;
}) {
  const t = useTranslations("admin.shifts.form");
  const id = useId();
  const [rows, setRows] = useState<TShiftRow[]>(() => rowsOf({ shifts: [...initial.shifts] }));
  const lengths = lengthsOf(rows);

  const change = (key: number, field: "name" | "start", value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(patternOf(rows));
  };
  // FormError only points at the rows when each of the server's messages is beside one.
  const shownFields = issuesAllOnRows(error) ? ["shifts"] : [];

  return (
    <form className="admin-form" onSubmit={submit} data-testid="shift-pattern-form">
      <table className="admin-table shift-pattern">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("start")}</th>
            <th scope="col">{t("length")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const messages = rowMessages(error, index);
            const length = lengths[index];
            return (
              <tr key={row.key} data-testid="shift-row">
                <td>
                  <div className="admin-form__field">
                    <input
                      aria-label={t("nameOf", { index: index + 1 })}
                      required
                      maxLength={40}
                      autoComplete="off"
                      value={row.name}
                      onChange={(event) => change(row.key, "name", event.target.value)}
                      aria-invalid={messages.name ? true : undefined}
                      aria-describedby={messages.name ? `${id}-${row.key}-name` : undefined}
                    />
                    <FieldMessage id={`${id}-${row.key}-name`} message={messages.name} />
                  </div>
                </td>
                <td>
                  <div className="admin-form__field">
                    {/* Text, not type="time": Chromium shows a time input in the browser's locale (07:00 PM), and a
                        unit's shifts are read in 24 h everywhere on the station. The server checks the format. */}
                    <input
                      inputMode="numeric"
                      pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
                      placeholder={t("startPlaceholder")}
                      maxLength={5}
                      size={6}
                      autoComplete="off"
                      aria-label={t("startOf", { index: index + 1 })}
                      required
                      value={row.start}
                      onChange={(event) => change(row.key, "start", event.target.value)}
                      aria-invalid={messages.start ? true : undefined}
                      aria-describedby={messages.start ? `${id}-${row.key}-start` : undefined}
                    />
                    <FieldMessage id={`${id}-${row.key}-start`} message={messages.start} />
                  </div>
                </td>
                <td className="shift-pattern__length" data-testid="shift-length">
                  {length == null
                    ? "—"
                    : length % 60 === 0
                      ? t("hours", { hours: length / 60 })
                      : t("hoursMinutes", { hours: Math.floor(length / 60), minutes: length % 60 })}
                </td>
                <td>
                  <button
                    type="button"
                    className="admin-button admin-button--quiet"
                    disabled={rows.length === 1 || busy}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    {t("remove", { index: index + 1 })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="admin-form__hint">{t("hint")}</p>
      <FormError error={error} shownFields={shownFields} />
      <div className="admin-form__actions">
        <button
          type="button"
          className="admin-button"
          disabled={rows.length >= MAX_SHIFTS || busy}
          onClick={() => setRows((current) => [...current, newRow()])}
        >
          {t("add")}
        </button>
        <button
          type="button"
          className="admin-button admin-button--quiet"
          disabled={busy}
          onClick={() => setRows(rowsOf(DEFAULT_SHIFT_PATTERN))}
        >
          {t("restoreDefault")}
        </button>
        <button
          type="submit"
          className="admin-button admin-button--primary"
          disabled={busy}
          data-testid="shift-pattern-save"
        >
          {busy ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
