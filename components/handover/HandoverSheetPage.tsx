"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { UserMenu } from "@/components/auth/UserMenu";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { fetchHandoverSheet } from "@/lib/client/handover-api";
import { handoverKeys } from "@/lib/client/query-keys";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { useHandoverLive } from "@/lib/client/use-handover-live";
import { SheetEditors } from "./HandoverEditors";
import "./handover.css";

/**
 * A bed's handover sheet for a shift: the outgoing nurse fills the written parts and signs; the incoming nurse
 * reads it and receives it with a read-back; afterwards it is amended only with a reason. While a draft, the data
 * is recomputed every minute (the shift is still running); the written parts stay as the nurse typed them.
 */
export function HandoverSheetPage({
  bedId,
  shiftKey,
}: {
  readonly bedId: string;
  readonly shiftKey: string | undefined;
}) {
  const t = useTranslations("handover");
  const describe = useDescribeRequestError();
  const query = useQuery({
    queryKey: handoverKeys.sheet(bedId, shiftKey),
    queryFn: () => fetchHandoverSheet(bedId, shiftKey),
    refetchInterval: (q) => (q.state.data?.frozen ? false : 60_000),
  });
  // Signed out, received or amended on another tablet: read again at once (the unit is known from the first read).
  useHandoverLive(query.data?.bed.unitId);
  if (query.error) {
    return (
      <main className="handover-page">
        <p className="handover-unavailable" role="alert">
          {t("loadFailed", { message: describe(query.error) })}
        </p>
        <button type="button" className="handover-button" onClick={() => void query.refetch()}>
          {t("retry")}
        </button>
      </main>
    );
  }
  if (!query.data) return <main className="handover-page">{t("loading")}</main>;
  const sheet = query.data;
  return (
    <main className="handover-page">
      <nav className="handover-nav no-print" aria-label={t("sections.signatures")}>
        <Link href={`/beds/${encodeURIComponent(bedId)}`}>{t("backToBed", { label: sheet.bed.label })}</Link>
        <Link
          href={`/units/${encodeURIComponent(sheet.bed.unitId)}/handover?shift=${encodeURIComponent(sheet.shift.key)}`}
          data-testid="handover-to-unit"
        >
          {t("backToUnit")}
        </Link>
        <Link href={`?shift=${encodeURIComponent(sheet.previousShiftKey)}`} data-testid="handover-previous">
          {t("previousShift")}
        </Link>
        {sheet.nextShiftKey && (
          <Link href={`?shift=${encodeURIComponent(sheet.nextShiftKey)}`} data-testid="handover-next">
            {t("nextShift")}
          </Link>
        )}
        <Link href={`/beds/${encodeURIComponent(bedId)}/handover/history`}>{t("history")}</Link>
        <button type="button" className="handover-button" onClick={() => window.print()} data-testid="handover-print">
          {t("print")}
        </button>
        <LanguageSwitch />
        <UserMenu />
      </nav>
      {/*
        Keyed by shift and status: a sign-out or a receipt starts the editors again from what the server holds. A
        save by someone else does not: the text being typed stays, and this editor's next save, based on an older
        version, is refused with a message rather than overwriting theirs.
      */}
      <SheetEditors key={`${sheet.shift.key}|${sheet.status}`} sheet={sheet} />
    </main>
  );
}
