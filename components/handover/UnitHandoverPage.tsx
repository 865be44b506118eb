"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { UserMenu } from "@/components/auth/UserMenu";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { fetchUnitHandover } from "@/lib/client/handover-api";
import { handoverKeys } from "@/lib/client/query-keys";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { useHandoverLive } from "@/lib/client/use-handover-live";
import { SeverityBadge } from "./HandoverWritten";
import { ShiftTitle } from "./ShiftTitle";
import "./handover.css";

/**
 * The charge nurse's view of a shift's handover: every bed with the state of its sheet. Read again when a sheet of
 * the unit changes on another screen (the socket's handover:changed) and every minute besides (the database is the
 * truth; the notification only says when to read), and the time of the last read is shown.
 */
export function UnitHandoverPage({
  unitId,
  shiftKey,
}: {
  readonly unitId: string;
  readonly shiftKey: string | undefined;
}) {
  const t = useTranslations("handover");
  const describe = useDescribeRequestError();
  const locale = useLocale();
  const query = useQuery({
    queryKey: handoverKeys.unit(unitId, shiftKey),
    queryFn: () => fetchUnitHandover(unitId, shiftKey),
    refetchInterval: 60_000,
  });
  useHandoverLive(unitId);
  if (query.error && !query.data) {
    return (
      <main className="handover-page">
        <p className="handover-unavailable" role="alert">
          {t("loadFailed", { message: describe(query.error) })}
        </p>
      </main>
    );
  }
  if (!query.data) return <main className="handover-page">{t("loading")}</main>;
  const unit = query.data;
  const tz = unit.unit.timeZone;
  const when = (at: number) => formatDayTime(at, locale, tz);
  const shiftParam = `?shift=${encodeURIComponent(unit.shift.key)}`;
  return (
    <main className="handover-page">
      <nav className="handover-nav no-print">
        <Link href={`/station/${encodeURIComponent(unitId)}`}>{t("backToStation")}</Link>
        <Link href={`?shift=${encodeURIComponent(unit.previousShiftKey)}`} data-testid="unit-handover-previous">
          {t("previousShift")}
        </Link>
        {unit.nextShiftKey && (
          <Link href={`?shift=${encodeURIComponent(unit.nextShiftKey)}`} data-testid="unit-handover-next">
            {t("nextShift")}
          </Link>
        )}
        {shiftKey && <Link href="?">{t("currentShift")}</Link>}
        <Link
          href={`/units/${encodeURIComponent(unitId)}/handover/print${shiftParam}`}
          data-testid="unit-handover-print"
        >
          {t("printUnit")}
        </Link>
        <LanguageSwitch />
        <UserMenu />
      </nav>
      <header className="handover-sheet__header">
        <h1>{t("unitTitle", { unit: unit.unit.name })}</h1>
        <p>
          <ShiftTitle shift={unit.shift} timeZone={tz} />
        </p>
        <p data-testid="unit-handover-counts">{t("unit.counts", unit.counts)}</p>
        <p className="handover-muted">{t("unit.updated", { time: when(unit.serverTime) })}</p>
      </header>
      <table className="handover-table handover-unit" data-testid="unit-handover">
        <thead>
          <tr>
            <th scope="col">{t("unit.bed")}</th>
            <th scope="col">{t("unit.patient")}</th>
            <th scope="col">{t("unit.device")}</th>
            <th scope="col">{t("unit.status")}</th>
            <th scope="col">{t("unit.severity")}</th>
            <th scope="col">{t("unit.signedOut")}</th>
            <th scope="col">{t("unit.received")}</th>
            <th scope="col">{t("unit.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {unit.beds.map((bed) => (
            <tr
              key={bed.bedId}
              data-testid={`unit-handover-bed-${bed.bedId}`}
              data-status={bed.patientInitials ? bed.status : "empty"}
            >
              <th scope="row">
                {bed.patientInitials ? (
                  <Link href={`/beds/${encodeURIComponent(bed.bedId)}/handover${shiftParam}`}>{bed.label}</Link>
                ) : (
                  bed.label
                )}
              </th>
              <td>{bed.patientInitials ?? t("unit.emptyBed")}</td>
              <td>
                {bed.deviceType
                  ? t(`deviceType.${bed.deviceType as "VA_ECMO"}`)
                  : bed.patientInitials
                    ? t("unit.noSupport")
                    : ""}
              </td>
              <td>
                {bed.patientInitials && (
                  <span className={`handover-status handover-status--${bed.status}`} data-testid="unit-handover-status">
                    {t(`status.${bed.status}`)}
                  </span>
                )}
              </td>
              <td>{bed.patientInitials && <SeverityBadge severity={bed.illnessSeverity} />}</td>
              <td>{bed.signedOut && `${when(bed.signedOut.at)} · ${bed.signedOut.by}`}</td>
              <td>{bed.received && `${when(bed.received.at)} · ${bed.received.by}`}</td>
              <td>{bed.patientInitials ? bed.openActions : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
