"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { TAlarmDto, TUnitAlarms } from "@/lib/alarms/alarm-dto";
import { ALARM_PRIORITIES } from "@/lib/alarms/rule-schema";
import { isCountingAlarm, isUnacknowledged, sortAlarms } from "@/lib/alarms/prepare-alarms";
import { useCan } from "@/lib/client/session-user";
import { isLocale } from "@/lib/i18n/locales";
import { formatClockTime } from "@/lib/station/format-clock-time";
import { AcknowledgeDialog } from "./AcknowledgeDialog";
import "./alarms.css";
import { AlarmBurden } from "./AlarmBurden";
import { useAlarmLimit, useAlarmText } from "./AlarmText";
import { AudioPause } from "./AudioPause";
import { BedAlarmHistory } from "./BedAlarmHistory";
import { useScrollWholeItems } from "./use-scroll-whole-items";

/**
 * The unit's alarm list beside the wall: open alarms by priority then time, each with its bed, message (value and
 * limit in force, and where the limit comes from), state and the ACKNOWLEDGE action; AUDIO PAUSED; the shift's burden.
 */
export function AlarmPanel({
  unitId,
  alarms,
  bedLabels,
  timeZone,
  now,
}: {
  readonly unitId: string;
  readonly alarms: TUnitAlarms | undefined;
  readonly bedLabels: ReadonlyMap<string, string>;
  readonly timeZone: string;
  readonly now: number | null;
}) {
  const t = useTranslations("alarms");
  const [acknowledging, setAcknowledging] = useState<TAlarmDto | null>(null);
  const [history, setHistory] = useState<{ bedId: string; label: string } | null>(null);
  const list = useMemo(() => sortAlarms(alarms?.alarms ?? []), [alarms]);
  const label = (bedId: string) => bedLabels.get(bedId) ?? bedId;

  return (
    <aside className="alarm-panel" aria-labelledby="alarm-panel-title" data-testid="alarm-panel">
      <header className="alarm-panel__header">
        <h2 id="alarm-panel-title" className="alarm-panel__title">
          {t("panel.title")} <span className="alarm-panel__count">{t("panel.count", { count: list.length })}</span>
        </h2>
        <AudioPause unitId={unitId} pause={alarms?.audioPause ?? null} now={now} />
        <Link
          className="alarm-panel__limits"
          href={`/station/${encodeURIComponent(unitId)}/limits`}
          prefetch={false}
          data-testid="alarm-limits-link"
        >
          {t("limits.link")}
        </Link>
      </header>
      <p className="alarm-panel__note">{t("audio.noSound")}</p>
      <AlarmList
        list={list}
        bedLabels={bedLabels}
        timeZone={timeZone}
        // Only a list with an age that keeps counting redraws every second.
        now={list.some(isCountingAlarm) ? now : null}
        onAcknowledge={setAcknowledging}
      />
      <AlarmBurden unitId={unitId} onHistory={setHistory} />
      {acknowledging && (
        <AcknowledgeDialog
          alarm={acknowledging}
          bedLabel={label(acknowledging.bedId)}
          onClose={() => setAcknowledging(null)}
        />
      )}
      {history && (
        <BedAlarmHistory
          bedId={history.bedId}
          bedLabel={history.label}
          timeZone={timeZone}
          onClose={() => setHistory(null)}
        />
      )}
    </aside>
  );
}

/**
 * The list itself, drawn again only when the alarms change: the panel around it renders every second for the
 * AUDIO PAUSED countdown, and a wall screen must keep its main thread free for the live values.
 */
const AlarmList = memo(function AlarmList({
  list,
  bedLabels,
  timeZone,
  now,
  onAcknowledge,
}: {
  readonly list: readonly TAlarmDto[];
  readonly bedLabels: ReadonlyMap<string, string>;
  readonly timeZone: string;
  readonly now: number | null;
  readonly onAcknowledge: (alarm: TAlarmDto) => void;
}) {
  const t = useTranslations("alarms");
  const locale = useLocale();
  const mayAcknowledge = useCan("alarm.acknowledge");
  const text = useAlarmText();
  const limitOf = useAlarmLimit();
  const label = (bedId: string) => bedLabels.get(bedId) ?? bedId;
  const clock = (ms: number) => formatClockTime(ms, isLocale(locale) ? locale : "en", timeZone);
  // A wall display cannot be scrolled: it shows what fits and counts the rest. A clinician acknowledges from this list,
  // so for her every alarm stays reachable: the list scrolls inside its box instead.
  const { listRef, shown } = useItemsThatFit(list, !mayAcknowledge);
  const hidden = list.slice(shown);
  // Hers is cut at a whole item, never half way through one, and says how many are below (issue 17).
  const { frameRef, scrollRef, below } = useScrollWholeItems(list, mayAcknowledge);
  const items = (
    <ol
      className={mayAcknowledge ? "alarm-list alarm-list--scroll" : "alarm-list"}
      data-testid="alarm-list"
      ref={mayAcknowledge ? scrollRef : listRef}
    >
      {list.map((alarm, index) => (
        <li
          key={alarm.id}
          // Past the panel's bottom: not drawn half cut; the line under the list counts it instead.
          hidden={index >= shown ? true : undefined}
          className={`alarm-item alarm-item--${alarm.priority}${isUnacknowledged(alarm) ? " alarm-item--unacknowledged" : ""}`}
          data-testid="alarm-item"
          data-bed-id={alarm.bedId}
          data-rule={alarm.ruleId}
          data-priority={alarm.priority}
          data-status={alarm.status}
        >
          <p className="alarm-item__head">
            <span className="alarm-item__bed">{t("panel.bed", { label: label(alarm.bedId) })}</span>
            <span className="alarm-item__priority">{t(`priority.${alarm.priority}`)}</span>
            <span className="alarm-item__state">{t(`status.${alarm.status}`)}</span>
            <time className="alarm-item__time" dateTime={new Date(alarm.raisedAt).toISOString()}>
              {t("panel.raisedAt", { time: clock(alarm.raisedAt) })}
            </time>
          </p>
          <p className="alarm-item__message">{text(alarm, now)}</p>
          {alarm.limit !== null && (
            <p className="alarm-item__limit" data-testid="alarm-limit-source" data-source={alarm.limitSource}>
              {t("panel.limitInForce", { limit: limitOf(alarm), source: t(`limitSource.${alarm.limitSource}`) })}
            </p>
          )}
          {alarm.acknowledgedAt !== null && alarm.acknowledgedReason !== null && (
            <p className="alarm-item__ack">
              {t("panel.acknowledgedBy", {
                name: alarm.acknowledgedBy ?? "?",
                time: clock(alarm.acknowledgedAt),
                reason: t(`reason.${alarm.acknowledgedReason}`),
              })}
            </p>
          )}
          {mayAcknowledge && isUnacknowledged(alarm) && (
            <button
              type="button"
              className="alarm-button alarm-button--small"
              aria-label={t("panel.acknowledgeFor", { label: label(alarm.bedId), message: text(alarm) })}
              data-testid="alarm-acknowledge"
              onClick={() => onAcknowledge(alarm)}
            >
              {t("panel.acknowledge")}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
  return (
    <>
      {list.length === 0 ? (
        <p className="alarm-panel__empty">{t("panel.empty")}</p>
      ) : mayAcknowledge ? (
        <div className="alarm-list-frame" ref={frameRef}>
          {items}
        </div>
      ) : (
        items
      )}
      {below > 0 && (
        <p className="alarm-panel__more alarm-panel__more--scroll" data-testid="alarm-list-below">
          {t("panel.moreScroll", { count: below })}
        </p>
      )}
      {hidden.length > 0 && (
        <p className="alarm-panel__more" data-testid="alarm-list-more">
          {t("panel.more", {
            count: hidden.length,
            detail: ALARM_PRIORITIES.map((priority) => ({
              priority,
              count: hidden.filter((alarm) => alarm.priority === priority).length,
            }))
              .filter((entry) => entry.count > 0)
              .map((entry) =>
                t("panel.priorityCount", { count: entry.count, priority: t(`priority.${entry.priority}`) }),
              )
              .join(", "),
          })}
        </p>
      )}
    </>
  );
});

/**
 * How many of the list's items fit in its box, whole. A wall screen cannot be scrolled, so the list shows the items
 * that fit (the most urgent first, by its order) and the panel says how many more there are and of which priority.
 * Measured again when the list or the box's size changes; the items past the first that does not fit are hidden.
 */
function useItemsThatFit(list: readonly TAlarmDto[], fit: boolean) {
  const listRef = useRef<HTMLOListElement>(null);
  const [shown, setShown] = useState(list.length);
  useLayoutEffect(() => {
    const box = listRef.current;
    if (!box) return;
    if (!fit) {
      for (const item of [...box.children] as HTMLElement[]) item.hidden = false;
      return;
    }
    const measure = () => {
      const items = [...box.children] as HTMLElement[];
      // Measure every item as laid out, the hidden ones included.
      for (const item of items) item.hidden = false;
      const bottom = box.getBoundingClientRect().bottom + 0.5;
      let fit = items.findIndex((item) => item.getBoundingClientRect().bottom > bottom);
      if (fit === -1) fit = items.length;
      items.forEach((item, index) => (item.hidden = index >= fit));
      setShown(fit);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [list, fit]);
  return { listRef, shown: fit ? Math.min(shown, list.length) : list.length };
}
