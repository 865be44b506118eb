"use client";

import { useLocale, useMessages, useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import type { TTileAlarm } from "@/lib/alarms/prepare-alarms";
import { isLocale } from "@/lib/i18n/locales";
import { describeTileAlarm } from "@/lib/station/describe-tile-alarm";
import { useAlarmText } from "./AlarmText";

/**
 * The tile's alarm line: its top alarm in the tile's short form ("Lactate 4.6 ≥ 4", lib/station/describe-tile-alarm.ts),
 * its state, how many more. The sentence in full is on the alarm list, on hover and for screen readers.
 */
export const TileAlarm = memo(function TileAlarm({
  alarm,
  now,
}: {
  readonly alarm: TTileAlarm;
  /** Server time, for an elapsed-time alarm whose age keeps counting; null: print it as stored. */
  readonly now: number | null;
}) {
  const t = useTranslations("alarms");
  const text = useAlarmText();
  const locale = useLocale();
  const messages = useMessages() as { alarms?: { message?: Record<string, unknown> } };
  const known = useMemo(() => new Set(Object.keys(messages.alarms?.message ?? {})), [messages]);
  const full = text(alarm.top, now);
  const short = describeTileAlarm({
    alarm: alarm.top,
    locale: isLocale(locale) ? locale : "en",
    knownKeys: known,
    now: now ?? undefined,
  });
  return (
    <p
      title={full}
      className={`tile__alarm tile__alarm--${alarm.priority}`}
      data-testid="tile-alarm"
      data-fit=""
      data-priority={alarm.priority}
      data-status={alarm.top.status}
    >
      {/* The colour says the priority on the wall; the word is there for whoever cannot tell the colours apart. */}
      <span className="visually-hidden">{t(`priority.${alarm.priority}`)} </span>
      <span className="tile__alarm-message" aria-hidden="true">
        {t(`tile.short.${short.form}`, short.values)}
      </span>
      <span className="visually-hidden">{full}</span>
      {/* "+1" and the state mark follow the reason's last word, on the next line if they must (alarms.css). */}
      <wbr />
      {/* The IEC word in full in the list; on a narrow tile a mark, with the word for screen readers and on hover. */}
      {alarm.top.status !== "active" && (
        <span className="tile__alarm-state" title={t(`status.${alarm.top.status}`)}>
          <span aria-hidden="true">{alarm.top.status === "acknowledged" ? "✓" : "⚑"}</span>
          <span className="visually-hidden">{t(`status.${alarm.top.status}`)}</span>
        </span>
      )}
      {alarm.others > 0 && <span className="tile__alarm-more">{t("tile.more", { count: alarm.others })}</span>}
    </p>
  );
});
