"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/Notice";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { roundKeys } from "@/lib/client/query-keys";
import { amendRound, fetchBedRoundHistory } from "@/lib/client/rounds-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { useCan } from "@/lib/client/session-user";
import { describeAnswer, labelOf } from "@/lib/rounds/describe-answer";
import { prepareRoundHistory } from "@/lib/rounds/prepare-round-history";
import type { TBedRoundHistory, TRoundDto } from "@/lib/rounds/round-dtos";
import type { TRoundTemplateItem } from "@/lib/rounds/template";
import { AnswerWords } from "./AnswerWords";
import "./rounds.css";

/**
 * A bed's rounds over its episode: each item's answers as a row over time (abnormal ones marked ⚑, corrected ones
 * marked), the amendments with their reasons, printable on paper in black on white.
 */
export function RoundHistory({ bedId }: { readonly bedId: string }) {
  const t = useTranslations("rounds");
  const locale = useLocale();
  const history = useQuery({ queryKey: roundKeys.bedHistory(bedId), queryFn: () => fetchBedRoundHistory(bedId) });
  const table = useMemo(
    () => (history.data ? prepareRoundHistory(history.data, locale) : null),
    [history.data, locale],
  );
  const canAmend = useCan("checklist.sign");
  const [amending, setAmending] = useState<TRoundDto | null>(null);

  if (!history.data || !table)
    return <Notice title={history.isError ? t("unavailable") : t("loading")} testId="round-history-loading" />;
  const data = history.data;
  const time = (at: number) => formatDayTime(at, locale, data.timeZone);
  const amendments = data.rounds.flatMap((r) => r.amendments.map((a) => ({ ...a, round: r })));
  const itemOf = (round: TRoundDto, itemId: string) =>
    data.templates.find((tpl) => tpl.id === round.templateId)?.items.find((i) => i.itemId === itemId);

  return (
    <div className="rounds rounds--history" data-testid="round-history">
      <header className="rounds__header">
        <div>
          <p className="rounds__kicker no-print">
            <Link href={`/rounds/${encodeURIComponent(data.bed.unitId)}`}>{t("form.backToRounds")}</Link>
            {" · "}
            <Link href={`/beds/${encodeURIComponent(bedId)}/round`}>{t("open", { label: data.bed.label })}</Link>
          </p>
          <h1>{t("historyPage.title", { label: data.bed.label })}</h1>
          {data.episode && (
            <p className="rounds__meta">
              {data.patientInitials} · {t(`deviceType.${data.episode.deviceType}`)} ·{" "}
              {t("historyPage.episode", { time: time(data.episode.startedAt) })}
            </p>
          )}
          <p className="rounds__meta">{t("historyPage.legendAbnormal")}</p>
        </div>
        <button type="button" className="round-button no-print" onClick={() => window.print()}>
          {t("historyPage.print")}
        </button>
      </header>
      {data.rounds.length === 0 ? (
        <Notice title={t("historyPage.none")} testId="round-history-empty" />
      ) : (
        <div className="round-table-wrap">
          <table className="round-table" data-testid="round-history-table">
            <thead>
              <tr>
                <th scope="col">{t("historyPage.item")}</th>
                {table.columns.map((c) => (
                  <th key={c.roundId} scope="col" data-testid="round-history-column">
                    <span className="round-table__time">{time(c.signedAt)}</span>
                    <span className="round-table__by">{c.signedBy}</span>
                    <span className="round-table__by">
                      {t("historyPage.version")} {c.version}
                    </span>
                    {canAmend && (
                      <button
                        type="button"
                        className="round-table__amend no-print"
                        onClick={() => setAmending(data.rounds.find((r) => r.id === c.roundId) ?? null)}
                      >
                        {t("historyPage.amend")}
                      </button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            {table.sections.map((section) => (
              <tbody key={section.title}>
                <tr className="round-table__section">
                  <th scope="rowgroup" colSpan={table.columns.length + 1}>
                    {section.title}
                  </th>
                </tr>
                {section.rows.map((row) => (
                  <tr key={row.itemId} data-item-id={row.itemId}>
                    <th scope="row">{row.label}</th>
                    {row.cells.map((cell, i) => (
                      <td
                        key={table.columns[i]?.roundId ?? i}
                        className={cell?.abnormal ? "round-table__abnormal" : undefined}
                        data-abnormal={cell?.abnormal ?? false}
                      >
                        {cell === null ? (
                          <span className="round-table__none">—</span>
                        ) : (
                          <>
                            {cell.abnormal && <span aria-label={t("form.abnormal")}>⚑ </span>}
                            <AnswerWords words={cell.words} />
                            {cell.amended && (
                              <span className="round-table__amended"> ({t("historyPage.amended")})</span>
                            )}
                            {cell.comment && <span className="round-table__comment">{cell.comment}</span>}
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {amendments.length > 0 && (
        <section className="round-amendments">
          <h2>{t("historyPage.amendments")}</h2>
          <ul>
            {amendments.map((a) => {
              const item = itemOf(a.round, a.itemId);
              const words = describeAnswer(item, a.value, locale);
              return (
                <li key={a.id} data-testid="round-amendment">
                  {t("historyPage.amendmentLine", {
                    time: time(a.amendedAt),
                    name: a.amendedBy,
                    item: item ? labelOf(item, locale) : a.itemId,
                    value: "key" in words ? t(`form.${words.key}`) : words.text,
                    reason: a.reason,
                  })}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {amending && <AmendForm round={amending} history={data} onClose={() => setAmending(null)} />}
    </div>
  );
}

/** Corrects one answer of a signed round: the item, the corrected answer (and comment), and the reason, all required. */
function AmendForm({
  round,
  history,
  onClose,
}: {
  readonly round: TRoundDto;
  readonly history: TBedRoundHistory;
  readonly onClose: () => void;
}) {
  const t = useTranslations("rounds");
  const describe = useDescribeRequestError();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const items: TRoundTemplateItem[] =
    history.templates
      .find((tpl) => tpl.id === round.templateId)
      ?.items.filter((i) => round.answers.some((a) => a.itemId === i.itemId)) ?? [];
  const [itemId, setItemId] = useState(items[0]?.itemId ?? "");
  const [value, setValue] = useState("");
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const item = items.find((i) => i.itemId === itemId);
  const mutation = useMutation({
    mutationFn: () => amendRound(round.id, { itemId, value, reason, ...(comment.trim() ? { comment } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const values =
    item?.type === "check"
      ? ["done", "not_done"]
      : item?.type === "normal_abnormal"
        ? ["normal", "abnormal"]
        : item?.type === "choice"
          ? item.choices.map((c) => c.value)
          : null;
  return (
    <form className="round-amend no-print" onSubmit={submit} data-testid="round-amend">
      <h2>{t("historyPage.amendTitle", { time: formatDayTime(round.signedAt, locale, history.timeZone) })}</h2>
      <label>
        <span>{t("historyPage.amendItem")}</span>
        <select
          value={itemId}
          onChange={(e) => {
            setItemId(e.target.value);
            setValue("");
          }}
        >
          {items.map((i) => (
            <option key={i.itemId} value={i.itemId}>
              {labelOf(i, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t("historyPage.amendValue")}</span>
        {values ? (
          <select value={value} onChange={(e) => setValue(e.target.value)} required>
            <option value="" />
            {values.map((v) => {
              const words = describeAnswer(item, v, locale);
              return (
                <option key={v} value={v}>
                  {"key" in words ? t(`form.${words.key}`) : words.text}
                </option>
              );
            })}
          </select>
        ) : (
          <input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
        )}
      </label>
      <label>
        <span>{t("historyPage.amendComment")}</span>
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <label>
        <span>{t("historyPage.amendReason")}</span>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
      </label>
      {mutation.error && <p className="round-amend__error">{describe(mutation.error)}</p>}
      <p className="round-saved__links">
        <button type="submit" className="round-button round-button--sign" disabled={mutation.isPending}>
          {t("historyPage.amendSubmit")}
        </button>
        <button type="button" className="round-button round-button--quiet" onClick={onClose}>
          {t("historyPage.amendCancel")}
        </button>
      </p>
    </form>
  );
}
