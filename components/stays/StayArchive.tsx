import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TArchivedStay } from "@/lib/stays/stay";
import { formatRecordTime } from "./format-record-time";
import "./stay-record.css";

/**
 * The unit's discharged stays (issue 15): a search by MRN or name (a plain GET form, so that the page works and can
 * be bookmarked without script), the most recent discharges when nothing is asked, each row opening its record.
 */
export function StayArchive({
  unit,
  q,
  stays,
}: {
  readonly unit: { readonly id: string; readonly name: string; readonly timeZone: string };
  readonly q: string | null;
  readonly stays: readonly TArchivedStay[];
}) {
  const t = useTranslations("stayRecord");
  const ts = useTranslations("stays");
  const when = (ms: number) => formatRecordTime(ms, unit.timeZone);
  return (
    <main className="stay-record" id="main" data-testid="stay-archive">
      <h1>{t("archiveTitle", { unit: unit.name })}</h1>
      <form method="get" className="stay-record__search no-print" role="search">
        <label>
          {t("searchLabel")}
          <input name="q" defaultValue={q ?? ""} maxLength={80} autoComplete="off" data-testid="archive-q" />
        </label>
        <button type="submit" className="button button--primary">
          {t("search")}
        </button>
      </form>
      <p>{q === null ? t("recent") : q.length < 2 ? t("tooShort") : t("results", { q })}</p>
      {stays.length === 0 ? (
        <p data-testid="archive-empty">{t("none")}</p>
      ) : (
        <table className="stay-record__table" data-testid="archive-rows">
          <thead>
            <tr>
              <th scope="col">{t("columns.patient")}</th>
              <th scope="col">{t("columns.mrn")}</th>
              <th scope="col">{t("columns.bed")}</th>
              <th scope="col">{t("columns.admitted")}</th>
              <th scope="col">{t("columns.discharged")}</th>
              <th scope="col">{t("columns.disposition")}</th>
            </tr>
          </thead>
          <tbody>
            {stays.map((s) => {
              const name = `${s.familyName} ${s.givenName}`;
              return (
                <tr key={s.id}>
                  <td>
                    <Link href={`/stays/${encodeURIComponent(s.id)}`}>{name}</Link>
                  </td>
                  <td>{s.mrn}</td>
                  <td>{s.bedLabel}</td>
                  <td>{when(s.admittedAt)}</td>
                  <td>{when(s.dischargedAt)}</td>
                  <td>{s.disposition ? ts(`dispositions.${s.disposition}`) : t("unknown")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
