"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";
import type { TTileAlarm } from "@/lib/alarms/prepare-alarms";
import { useAlarmText } from "./AlarmText";

/** The tile's alarm line: the message of its top alarm ("Arterial lactate 4.6 ≥ 4 mmol/L"), its state, how many more. */
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
  return (
    <p
      className={`tile__alarm tile__alarm--${alarm.priority}`}
      data-testid="tile-alarm"
      data-priority={alarm.priority}
      data-status={alarm.top.status}
    >
      {/* The colour says the priority on the wall; the word is there for whoever cannot tell the colours apart. */}
      <span className="visually-hidden">{t(`priority.${alarm.priority}`)} </span>
      <span className="tile__alarm-message">{text(alarm.top, now)}</span>
      {/* The IEC word in full in the list; on a narrow tile a mark, with the word for screen readers and on hover. */}
      {alarm.top.status !== "active" && (
        <span className="tile__alarm-state" title={t(`status.${alarm.top.status}`)}>
          <span aria-hidden="true">{alarm.top.status === "acknowledged" ? "✓" : "⧗"}</span>
          <span className="visually-hidden">{t(`status.${alarm.top.status}`)}</span>
        </span>
      )}
      {alarm.others > 0 && <span className="tile__alarm-more">{t("tile.more", { count: alarm.others })}</span>}
    </p>
  );
});
