import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/UserMenu";
import { HandoverLink } from "@/components/handover/HandoverLink";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import type { TConnectionState } from "@/lib/client/connection-state";
import { formatClockTime } from "@/lib/station/format-clock-time";

export function StationHeader({
  unitName,
  now,
  timeZone,
  connection,
  unitId,
  actions,
}: {
  readonly unitName: string | null;
  /** Server time to the second; null before the screen has a clock (server rendering, hydration). */
  readonly now: number | null;
  readonly timeZone: string;
  readonly connection: TConnectionState;
  /** Links the unit's handover page when given and the role may read it. */
  readonly unitId?: string;
  /** Links of other features shown before the language switch (the nurse rounds). */
  readonly actions?: ReactNode;
}) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <header className="station__header">
      <h1 className="station__title">{unitName ?? t("app.title")}</h1>
      <p
        className={`connection-state connection-state--${connection}`}
        data-testid="connection-state"
        data-state={connection}
      >
        <span className="connection-state__dot" aria-hidden="true" />
        <span className="visually-hidden">{t("connection.label")} </span>
        {t(`connection.${connection}`)}
      </p>
      <p className="station__clock">
        <span className="visually-hidden">{t("clock.label")} </span>
        <time data-testid="station-clock" dateTime={now === null ? undefined : new Date(now).toISOString()}>
          {now === null ? "\u00a0" : formatClockTime(now, locale, timeZone)}
        </time>
      </p>
      {actions}
      {unitId && <HandoverLink href={`/units/${encodeURIComponent(unitId)}/handover`} kind="unit" />}
      <LanguageSwitch />
      <UserMenu />
    </header>
  );
}
