"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/auth/audit-export";
import { auditExportUrl, fetchAuditPage } from "@/lib/client/admin-api";
import type { TAuditFilter } from "@/lib/client/audit-filter";
import { adminKeys } from "@/lib/client/query-keys";
import { AdminShell } from "./AdminShell";
import type { TAdminUnit } from "./admin-unit";
import { AuditFilterForm } from "./AuditFilterForm";
import { AuditTable } from "./AuditTable";
import { useAdminErrors } from "./FormError";

/**
 * The audit page: the trail filtered by time, person, action, outcome and unit, newest first, one page at a time
 * ("older" follows the id cursor, so events recorded meanwhile do not shift the pages), and the same filter as CSV.
 */
export function AuditPage({ units }: { readonly units: readonly TAdminUnit[] }) {
  const t = useTranslations("admin.audit");
  const tCommon = useTranslations("admin.common");
  const { describe } = useAdminErrors();
  const [filter, setFilter] = useState<TAuditFilter>({});
  const audit = useInfiniteQuery({
    queryKey: adminKeys.audit(filter),
    queryFn: ({ pageParam }) => fetchAuditPage(filter, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <AdminShell title={t("title")}>
      <section className="admin-section" aria-labelledby="audit-filter-title">
        <div className="admin-section__header">
          <h2 id="audit-filter-title">{t("filterTitle")}</h2>
          <a className="admin-button" href={auditExportUrl(filter)} download data-testid="audit-export">
            {t("export")}
          </a>
        </div>
        <p className="admin__muted">{t("exportHint", { max: AUDIT_EXPORT_MAX_ROWS })}</p>
        <AuditFilterForm units={units} onApply={setFilter} />
      </section>

      <section className="admin-section" aria-labelledby="audit-list-title" aria-busy={audit.isFetching}>
        <div className="admin-section__header">
          <h2 id="audit-list-title">{t("listTitle")}</h2>
          <button
            type="button"
            className="admin-button"
            onClick={() => void audit.refetch()}
            disabled={audit.isFetching}
          >
            {t("refresh")}
          </button>
        </div>
        {audit.isPending && <p>{tCommon("loading")}</p>}
        {audit.isError && <p role="alert">{describe(audit.error)}</p>}
        {audit.isSuccess && events.length === 0 && <p>{t("empty")}</p>}
        {events.length > 0 && (
          <>
            <p className="admin__muted" role="status">
              {t("shown", { count: events.length })}
            </p>
            <div className="admin-table__scroll">
              <AuditTable events={events} units={units} />
            </div>
          </>
        )}
        {audit.hasNextPage && (
          <button
            type="button"
            className="admin-button"
            onClick={() => void audit.fetchNextPage()}
            disabled={audit.isFetchingNextPage}
            data-testid="audit-older"
          >
            {audit.isFetchingNextPage ? tCommon("loading") : t("older")}
          </button>
        )}
      </section>
    </AdminShell>
  );
}
