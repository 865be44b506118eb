import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { TComparator } from "@/lib/observations/lab-result";
import { formatDayTime } from "@/lib/bed/format-date-time";
import {
  formatHandoverValue,
  parameterLabel,
  type TBedHandoverEntry,
  type THandoverSheetView,
  type TIllnessSeverity,
} from "@/lib/handover";
import { SeverityBadge } from "./HandoverWritten";
import { ShiftTitle } from "./ShiftTitle";
import "./handover.css";

/**
 * Review of a bed's past shifts: each with the state of its sheet, a link to it, and a form to compare two. The
 * comparison lines up what changed between the shifts: severity, settings, labs at the end, alarms, rounds,
 * actions and the situation written.
 */
export function HandoverReview({
  bed,
  shifts,
  compare,
}: {
  readonly bed: THandoverSheetView["bed"];
  readonly shifts: readonly TBedHandoverEntry[];
  readonly compare: readonly [THandoverSheetView, THandoverSheetView] | null;
}) {
  const t = useTranslations("handover");
  const locale = useLocale();
  const when = (at: number) => formatDayTime(at, locale, bed.timeZone);
  const shiftRef = (s: TBedHandoverEntry) => ({
    key: s.shiftKey,
    name: s.shiftName,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    startTime: when(s.startsAt).slice(-5),
    endTime: when(s.endsAt).slice(-5),
  });
  return (
    <main className="handover-page">
      <nav className="handover-nav no-print">
        <Link href={`/beds/${encodeURIComponent(bed.id)}/handover`}>{t("currentShift")}</Link>
        <Link href={`/units/${encodeURIComponent(bed.unitId)}/handover`}>{t("backToUnit")}</Link>
      </nav>
      <h1>{t("review.title", { label: bed.label })}</h1>
      {compare && <CompareTable sheets={compare} />}
      <form method="get" className="handover-review" data-testid="handover-review">
        <p>{t("review.pickTwo")}</p>
        <table className="handover-table">
          <thead>
            <tr>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">{t("review.shift")}</th>
              <th scope="col">{t("review.status")}</th>
              <th scope="col">{t("review.severity")}</th>
              <th scope="col">{t("review.amendments")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {shifts.map((s, i) => (
              <tr key={s.shiftKey} data-testid={`handover-review-${s.shiftKey}`}>
                <td>
                  <input
                    type="radio"
                    name="a"
                    value={s.shiftKey}
                    defaultChecked={i === 1}
                    aria-label={`A ${s.shiftKey}`}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="b"
                    value={s.shiftKey}
                    defaultChecked={i === 0}
                    aria-label={`B ${s.shiftKey}`}
                  />
                </td>
                <td>
                  <ShiftTitle shift={shiftRef(s)} timeZone={bed.timeZone} />
                </td>
                <td>
                  <span className={`handover-status handover-status--${s.status}`}>{t(`status.${s.status}`)}</span>
                </td>
                <td>
                  {s.illnessSeverity ? (
                    <SeverityBadge severity={s.illnessSeverity as TIllnessSeverity} />
                  ) : (
                    t("review.none")
                  )}
                </td>
                <td>{s.amendments}</td>
                <td>
                  <Link href={`/beds/${encodeURIComponent(bed.id)}/handover?shift=${encodeURIComponent(s.shiftKey)}`}>
                    {t("review.open")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="handover-button" data-testid="handover-compare">
          {t("compare")}
        </button>
      </form>
    </main>
  );
}

function CompareTable({ sheets }: { readonly sheets: readonly [THandoverSheetView, THandoverSheetView] }) {
  const t = useTranslations("handover");
  const locale = useLocale();
  const [a, b] = sheets;
  const tLab = useTranslations("labResults.status");
  const value = (code: string, v: number | undefined, comparator?: TComparator) =>
    v === undefined
      ? t("review.none")
      : (formatHandoverValue(code, v, locale, comparator) ?? (v >= 1 ? t("settings.pumping") : t("settings.stopped")));
  const settingCodes = [
    ...new Set([...(a.data?.settings.current ?? []), ...(b.data?.settings.current ?? [])].map((s) => s.code)),
  ];
  const labCodes = [...new Set([...(a.data?.labs ?? []), ...(b.data?.labs ?? [])].map((l) => l.code))];
  const rows: [string, (s: THandoverSheetView) => React.ReactNode][] = [
    [t("review.status"), (s) => t(`status.${s.status}`)],
    [t("illness.chosen"), (s) => <SeverityBadge severity={s.inForce.illnessSeverity} />],
    [t("illness.suggestedLabel"), (s) => (s.data ? t(`severity.${s.data.severity.suggested}`) : t("review.none"))],
    ...settingCodes.map((code): [string, (s: THandoverSheetView) => React.ReactNode] => [
      parameterLabel(code, locale),
      (s) => value(code, s.data?.settings.current.find((x) => x.code === code)?.value),
    ]),
    [t("settings.changes"), (s) => s.data?.settings.changes.length ?? t("review.none")],
    ...labCodes.map((code): [string, (s: THandoverSheetView) => React.ReactNode] => [
      parameterLabel(code, locale),
      (s) => {
        const end = s.data?.labs.find((l) => l.code === code)?.end;
        return end
          ? `${value(code, end.value, end.comparator)}${end.corrected ? ` ${tLab("corrected")}` : ""}${end.status === "low" || end.status === "high" ? ` (${t(`targetStatus.${end.status}`)})` : ""}`
          : t("review.none");
      },
    ]),
    [
      t("sections.alarms"),
      (s) => (s.data?.alarms.available ? t("alarms.counts", s.data.alarms.counts) : t("alarms.unavailable")),
    ],
    [
      t("sections.rounds"),
      (s) =>
        s.data?.rounds.available
          ? t("rounds.summary", { done: s.data.rounds.done, late: s.data.rounds.late, missed: s.data.rounds.missed })
          : s.data && !s.data.rounds.available && s.data.rounds.reason === "no_support"
            ? t("rounds.noSupport")
            : t("rounds.unavailable"),
    ],
    [t("unit.actions"), (s) => s.actions.filter((x) => x.doneAt === null).length],
    [t("situation.label"), (s) => s.inForce.situation || t("review.none")],
  ];
  return (
    <table className="handover-table handover-compare" data-testid="handover-compare-table">
      <thead>
        <tr>
          <th scope="col">{t("review.item")}</th>
          {sheets.map((s) => (
            <th scope="col" key={s.shift.key}>
              <ShiftTitle shift={s.shift} timeZone={s.bed.timeZone} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{cell(a)}</td>
            <td>{cell(b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
