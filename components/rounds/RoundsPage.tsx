"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { UserMenu } from "@/components/auth/UserMenu";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { Notice } from "@/components/ui/Notice";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { useCan } from "@/lib/client/session-user";
import { useServerClock, useUnitRounds } from "@/lib/client/use-unit-rounds";
import { prepareRoundStatus } from "@/lib/rounds/prepare-round-status";
import type { TBedRoundStatus } from "@/lib/rounds/round-dtos";
import { DueText } from "./DueText";
import "./rounds.css";

/**
 * The nurse's rounds of a unit on a tablet: every bed, in bed order, with when its round is due or how late it is,
 * what it asks, the last round, and the findings flagged on it. One tap on a bed opens its round.
 */
export function RoundsPage({ unitId }: { readonly unitId: string }) {
  const t = useTranslations("rounds");
  const locale = useLocale();
  const rounds = useUnitRounds(unitId);
  const now = useServerClock(rounds.data?.serverTime);
  const mayPublish = useCan("checklist.publish");
  const data = rounds.data;

  // <main>: where the skip link and a navigation put the keyboard focus (lib/client/focus-page.ts).
  return (
    <main className="rounds" data-testid="rounds-page">
      <header className="rounds__header">
        <div>
          <p className="rounds__kicker">
            <Link href={`/station/${encodeURIComponent(unitId)}`}>{t("toStation")}</Link>
            {mayPublish && (
              <>
                {" · "}
                <Link href="/round-templates">{t("templatesLink")}</Link>
              </>
            )}
          </p>
          <h1>{data ? t("unitTitle", { unit: data.unit.name }) : t("title")}</h1>
          {data && (
            <p className="rounds__meta">
              {t("readAt", { time: formatDayTime(data.serverTime, locale, data.unit.timeZone) })}
            </p>
          )}
        </div>
        <div className="rounds__tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      {!data ? (
        <Notice title={rounds.isError ? t("unavailable") : t("loading")} testId="rounds-loading" />
      ) : (
        <ul className="rounds__beds">
          {data.beds.map((bed) => (
            <li key={bed.bedId}>
              <BedRoundCard bed={bed} now={now ?? data.serverTime} timeZone={data.unit.timeZone} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function BedRoundCard({
  bed,
  now,
  timeZone,
}: {
  readonly bed: TBedRoundStatus;
  readonly now: number;
  readonly timeZone: string;
}) {
  const t = useTranslations("rounds");
  const locale = useLocale();
  const status = prepareRoundStatus(bed, now);
  if (status.kind === "empty") {
    return (
      <div className="bed-round bed-round--empty" data-testid="bed-round" data-bed-id={bed.bedId} data-state="empty">
        <span className="bed-round__label">{bed.label}</span>
        <span className="bed-round__due">{t("emptyBed")}</span>
      </div>
    );
  }
  return (
    <div
      className={`bed-round bed-round--${status.kind}`}
      data-testid="bed-round"
      data-bed-id={bed.bedId}
      data-state={status.kind}
    >
      <Link
        className="bed-round__open"
        href={`/beds/${encodeURIComponent(bed.bedId)}/round`}
        data-testid="bed-round-open"
      >
        {/* The link's name is what it shows, after what it does: an aria-label hid the due time and the last round. */}
        <span className="visually-hidden">{t("open", { label: bed.label })}: </span>
        <span className="bed-round__label">{bed.label}</span>
        <span className="bed-round__who">
          {bed.patientInitials} · {bed.episode ? t(`deviceType.${bed.episode.deviceType}`) : ""}
        </span>
        <span className="bed-round__due" data-testid="bed-round-due">
          {status.kind === "no-checklist" ? t("due.none") : <DueText status={status} />}
          {status.kind !== "no-checklist" && (
            <span className="bed-round__at">
              {" "}
              ({t("due.at", { time: formatDayTime(status.dueAt, locale, timeZone) })})
            </span>
          )}
        </span>
        {status.kind !== "no-checklist" && (
          <span className="bed-round__asks">
            {t("asks", { frequencies: status.open.map((f) => t(`frequency.${f}`)).join(", ") })}
          </span>
        )}
        <span className="bed-round__last">
          {bed.lastRound
            ? t("lastRound", {
                time: formatDayTime(bed.lastRound.signedAt, locale, timeZone),
                name: bed.lastRound.signedBy,
              })
            : t("noRoundYet")}
        </span>
      </Link>
      {bed.abnormal.length > 0 && (
        <ul
          className="bed-round__findings"
          data-testid="bed-round-findings"
          aria-label={t("findings", { count: bed.abnormal.length })}
        >
          {bed.abnormal.map((f) => (
            <li key={f.itemId}>
              ⚑ {locale === "fr" ? f.labelFr : f.labelEn}
              {f.comment ? ` — ${f.comment}` : ""}{" "}
              <span className="bed-round__at">({formatDayTime(f.signedAt, locale, timeZone)})</span>
            </li>
          ))}
        </ul>
      )}
      <Link className="bed-round__history" href={`/beds/${encodeURIComponent(bed.bedId)}/rounds`}>
        {t("history")}
      </Link>
    </div>
  );
}
