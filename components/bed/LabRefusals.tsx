"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { TLabRefusalDto } from "@/lib/bed/bed-detail";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { findParameter } from "@/lib/catalogue";
import { bedKeys } from "@/lib/client/query-keys";
import { sendRequest } from "@/lib/client/request-error";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { useCan } from "@/lib/client/session-user";
import { useLabRefusalsLive } from "@/lib/client/use-lab-refusals-live";

async function postResolve(bedId: string, refusalId: string): Promise<void> {
  await sendRequest(`/api/beds/${encodeURIComponent(bedId)}/lab-refusals/${encodeURIComponent(refusalId)}/resolve`, {
    method: "POST",
  });
}

/**
 * Laboratory results an import could not read, at the top of the labs panel: "Anti-Xa result at 14:02 could not be
 * read: unit '…'". Each holds a technical alarm until a clinician marks it dealt with (who and when are audited).
 */
export function LabRefusals({
  unitId,
  bedId,
  refusals,
  timeZone,
}: {
  readonly unitId: string;
  readonly bedId: string;
  readonly refusals: readonly TLabRefusalDto[];
  readonly timeZone: string;
}) {
  const t = useTranslations("labResults.refusal");
  const describe = useDescribeRequestError(timeZone);
  const locale = useLocale();
  const mayResolve = useCan("alarm.acknowledge");
  const queryClient = useQueryClient();
  useLabRefusalsLive(unitId, bedId);
  const mutation = useMutation({
    mutationFn: (refusalId: string) => postResolve(bedId, refusalId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bedKeys.detail(bedId) }),
  });
  if (refusals.length === 0) return null;
  return (
    <div className="lab-refusal" role="alert" aria-label={t("title")} data-testid="lab-refusals">
      <ul className="lab-history">
        {refusals.map((r) => (
          <li key={r.id} data-testid="lab-refusal">
            {t("line", {
              lab: findParameter(r.parameter)?.short[locale] ?? r.parameter,
              time: formatDayTime(r.at, locale, timeZone),
              what: t(r.kind, { value: r.value }),
            })}{" "}
            {mayResolve && (
              <button
                type="button"
                className="button"
                disabled={mutation.isPending}
                onClick={() => mutation.mutate(r.id)}
                data-testid="lab-refusal-resolve"
              >
                {mutation.isPending && mutation.variables === r.id ? t("resolving") : t("resolve")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mutation.isError && <p role="status">{t("failed", { reason: describe(mutation.error) })}</p>}
    </div>
  );
}
