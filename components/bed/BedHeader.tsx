import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/UserMenu";
import { HandoverLink } from "@/components/handover/HandoverLink";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { TConnectionState } from "@/lib/client/connection-state";
import { formatClockTime } from "@/lib/station/format-clock-time";
import { useCannulationSite } from "@/components/stays/use-cannulation-site";

const DAY_MS = 86_400_000;

/** Who and what: the bed, the patient's initials and age, the device and its day, and the connection state. */
export function BedHeader({
  detail,
  now,
  connection,
  saveSummary,
}: {
  readonly detail: TBedDetail;
  readonly now: number | null;
  readonly connection: TConnectionState;
  readonly saveSummary: ReactNode;
}) {
  const t = useTranslations("bed");
  const siteText = useCannulationSite();
  const locale = useLocale();
  const tz = detail.bed.timeZone;
  const { episode, patient } = detail;
  const stay = episode ? null : (detail.stay ?? null);
  const at = now ?? detail.serverTime;
  return (
    <header className="bed-header">
      <Link
        className="bed-header__back"
        href={`/station/${encodeURIComponent(detail.bed.unitId)}`}
        data-testid="back-to-station"
      >
        ‹ {detail.bed.unitName}
      </Link>
      <HandoverLink href={`/beds/${encodeURIComponent(detail.bed.id)}/handover`} kind="bed" />
      <h1 className="bed-header__title" data-testid="bed-title">
        {t("title", { label: detail.bed.label })}
      </h1>
      {patient && (
        <span className="bed-header__patient" data-testid="bed-patient">
          {t("patient", { initials: patient.initials, age: patient.ageYears, sex: patient.sex })}
        </span>
      )}
      {episode && (
        <>
          <span className={`badge badge--${episode.deviceType === "IABP" ? "iabp" : "ecmo"}`} data-testid="bed-device">
            {t(`deviceType.${episode.deviceType}`)}
          </span>
          <span className="bed-header__day" data-testid="bed-day">
            {t("dayOnSupport", { day: Math.max(1, Math.floor((at - episode.startedAt) / DAY_MS) + 1) })}{" "}
            <span className="bed-header__muted">
              {t("since", { time: formatDayTime(episode.startedAt, locale, tz) })}
            </span>
          </span>
          {episode.cannulationSite && (
            <span className="bed-header__muted">{t("cannulation", { site: siteText(episode.cannulationSite) })}</span>
          )}
          {saveSummary}
        </>
      )}
      {stay && (
        // Admitted with no support running (issue 15): said plainly, with the admission and the last support's end.
        <>
          <span className="badge" data-testid="bed-no-support">
            {t("noSupport")}
          </span>
          <span className="bed-header__muted" data-testid="bed-admitted">
            {t("admittedAt", { time: formatDayTime(stay.admittedAt, locale, tz) })}
          </span>
          {stay.lastSupport && (
            <span className="bed-header__muted" data-testid="bed-support-ended">
              {t("supportEnded", {
                device: t(`deviceType.${stay.lastSupport.deviceType}`),
                time: formatDayTime(stay.lastSupport.endedAt, locale, tz),
              })}
            </span>
          )}
        </>
      )}
      <span className="bed-header__spacer" />
      <p
        className={`connection-state connection-state--${connection}`}
        data-testid="connection-state"
        data-state={connection}
      >
        <span className="connection-state__dot" aria-hidden="true" />
        <span className="visually-hidden">{t("connectionLabel")} </span>
        {t(`connection.${connection}`)}
      </p>
      <p className="bed-header__clock">
        <time data-testid="bed-clock" dateTime={now === null ? undefined : new Date(now).toISOString()}>
          {now === null ? "\u00a0" : formatClockTime(now, locale, tz)}
        </time>
      </p>
      <LanguageSwitch />
      <UserMenu />
      {episode?.diagnosis && <p className="bed-header__diagnosis">{episode.diagnosis}</p>}
    </header>
  );
}
