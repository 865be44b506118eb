import { useLocale, useTranslations } from "next-intl";
import type { TConnectionState } from "@/lib/client/connection-state";
import { formatClockTime } from "@/lib/station/format-clock-time";

/**
 * The technical alarm of a distributed display (IEC 60601-1-8): when the screen stops hearing the server it says,
 * in words and for as long as it lasts, that what it shows is not live and since when. It clears itself once
 * heartbeats come back; nobody needs to acknowledge it.
 */
export function ConnectionBanner({
  state,
  notLiveSince,
  timeZone,
}: {
  readonly state: TConnectionState;
  readonly notLiveSince: number | null;
  readonly timeZone: string;
}) {
  const t = useTranslations("connection");
  const locale = useLocale();
  if (state !== "lost" || notLiveSince === null) return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <p className="connection-banner__title">
        {t("bannerTitle", { time: formatClockTime(notLiveSince, locale, timeZone) })}
      </p>
      <p className="connection-banner__body">{t("bannerBody")}</p>
    </div>
  );
}
