"use client";

import { useTranslations } from "next-intl";
import type { TImportSummaryDto } from "@/lib/imports/import-job";
import { IMPORT_REJECTION_CODES, type TImportRejectionCode } from "@/lib/imports/import-record";
import { ImportCounts } from "./ImportCounts";

const SHOWN = 20;

const isKnownCode = (code: string): code is TImportRejectionCode =>
  (IMPORT_REJECTION_CODES as readonly string[]).includes(code);

/** What a finished job did: counts, why records were refused (the first ones; the report has all), codes ignored. */
export function ImportResult({ result }: { readonly result: TImportSummaryDto }) {
  const t = useTranslations("import.result");
  const ignored = Object.entries(result.ignoredCodes).sort(([, a], [, b]) => b - a);
  return (
    <section className="import__result" aria-labelledby="import-result-title" data-testid="import-result">
      <h2 id="import-result-title">
        {result.dryRun ? t("dryRunTitle") : t("title")} · {result.fileName}
      </h2>
      {result.status === "failed" && (
        <div className="notice" role="alert">
          <p className="notice__title">{t("failed")}</p>
          {result.error && (
            <details className="import__detail">
              <summary>{t("detail")}</summary>
              <span lang="en">{result.error}</span>
            </details>
          )}
        </div>
      )}
      {result.dryRun && <p>{t("dryRunNote")}</p>}
      <ImportCounts counts={result} />
      {result.corrected > 0 && <p>{t("corrected", { count: result.corrected })}</p>}
      {result.rejected > 0 && (
        <>
          <h3>{t("rejections")}</h3>
          <table className="import__table">
            <thead>
              <tr>
                <th scope="col">{t("location")}</th>
                <th scope="col">{t("field")}</th>
                <th scope="col">{t("value")}</th>
                <th scope="col">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rejections.slice(0, SHOWN).map((r, i) => (
                <tr key={i}>
                  <td>{r.location}</td>
                  <td>{r.field}</td>
                  <td>{r.value}</td>
                  <td>
                    {isKnownCode(r.code) ? t(`codes.${r.code}`) : t("unknownCode")}
                    {/* The reader's own sentence names the exact cause (the unit quoted, the admission time); it is
                        written in English for the interface team, so it is offered, labelled, not mixed in. */}
                    <details className="import__detail">
                      <summary>{t("detail")}</summary>
                      <span lang="en">{r.reason}</span>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.rejected > Math.min(SHOWN, result.rejections.length) && (
            <p>{t("moreRejections", { count: result.rejected - Math.min(SHOWN, result.rejections.length) })}</p>
          )}
          <p>
            <a
              href={`/api/imports/${encodeURIComponent(result.jobId)}/rejections.csv`}
              download
              data-testid="import-report"
            >
              {t("report", { count: result.rejected })}
            </a>
          </p>
        </>
      )}
      {ignored.length > 0 && (
        <details>
          <summary>{t("ignored", { count: result.ignored })}</summary>
          <p className="import__ignored">{ignored.map(([code, n]) => `${code} × ${n}`).join(" · ")}</p>
        </details>
      )}
    </section>
  );
}
