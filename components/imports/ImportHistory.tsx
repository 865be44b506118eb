"use client";

import { useTranslations } from "next-intl";
import { useRecordTime } from "@/lib/client/use-record-time";
import type { TImportJobDto } from "@/lib/imports/import-job";

/** Past jobs, latest first: when, what, by whom, how it ended, and each one's rejection report. */
export function ImportHistory({
  jobs,
  loading,
  failed,
}: {
  readonly jobs: readonly TImportJobDto[] | undefined;
  readonly loading: boolean;
  readonly failed: boolean;
}) {
  const t = useTranslations("import.history");
  const recordTime = useRecordTime();
  return (
    <section className="import__history" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title">{t("title")}</h2>
      {loading && <p>{t("loading")}</p>}
      {failed && <p role="alert">{t("failed")}</p>}
      {jobs && jobs.length === 0 && <p>{t("empty")}</p>}
      {jobs && jobs.length > 0 && (
        <table className="import__table">
          <thead>
            <tr>
              <th scope="col">{t("started")}</th>
              <th scope="col">{t("file")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("accepted")}</th>
              <th scope="col">{t("rejected")}</th>
              <th scope="col">{t("duplicate")}</th>
              <th scope="col">{t("ignored")}</th>
              <th scope="col">{t("actor")}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{recordTime(job.startedAt)}</td>
                <td>
                  {job.fileName} <span className="import__muted">({job.kind})</span>
                </td>
                <td>
                  {t(`statuses.${job.status}`)}
                  {job.dryRun && ` · ${t("dryRun")}`}
                </td>
                <td>{job.accepted}</td>
                <td>
                  {job.rejected > 0 ? (
                    <a href={`/api/imports/${encodeURIComponent(job.id)}/rejections.csv`} download title={t("report")}>
                      {job.rejected}
                    </a>
                  ) : (
                    job.rejected
                  )}
                </td>
                <td>{job.duplicate}</td>
                <td>{job.ignored}</td>
                <td>{t(`by.${job.by.kind}`, { name: job.by.name })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
