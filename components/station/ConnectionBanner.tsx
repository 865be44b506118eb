import { useLocale, useTranslations } from "next-intl";
import type { TConnectionState } from "@/lib/client/connection-state";
import { formatClockTime } from "@/lib/station/format-clock-time";

/**
 * The technical alarm of a distributed display (IEC 60601-1-8): when the screen stops hearing the server it says,
 * in words and for as long as it lasts, that what it shows is not live and since when. It clears itself once
 * heartbeats come back; nobody needs to acknowledge it. When the server itself closed the connection (this screen
 * sent it too many requests, server/realtime/socket-guard.ts), it says that instead, and offers to reconnect: the
 * screen does not reconnect on its own into the same refusal.
 */
export function ConnectionBanner({
  state,
  notLiveSince,
  timeZone,
  refused = false,
  onReconnect,
}: {
  readonly state: TConnectionState;
  readonly notLiveSince: number | null;
  readonly timeZone: string;
  readonly refused?: boolean;
  readonly onReconnect?: () => void;
}) {
  const t = useTranslations("connection");
  const locale = useLocale();
  if (state !== "lost" || notLiveSince === null) return null;
  const time = formatClockTime(notLiveSince, locale, timeZone);
  if (refused) {
    return (
      <div className="connection-banner" role="alert" data-testid="connection-banner" data-refused="true">
        <p className="connection-banner__title">{t("refusedTitle", { time })}</p>
        <p className="connection-banner__body">{t("refusedBody")}</p>
        {onReconnect && (
          <button type="button" className="connection-banner__action" onClick={onReconnect}>
            {t("reconnect")}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <p className="connection-banner__title">{t("bannerTitle", { time })}</p>
      <p className="connection-banner__body">{t("bannerBody")}</p>
    </div>
  );
}
