import { useTranslations } from "next-intl";
import { CLINICAL_LIMITS } from "@/lib/catalogue";
import { useAlarmText } from "@/components/alarms/AlarmText";
import { parameterLabel, toAlarmTextInput, type THandoverData } from "@/lib/handover";
import type { TLocale } from "@/lib/i18n/locales";
import { Time, type TWhen } from "./HandoverTime";

// The sheet's sections about what happened during the shift (alarms, rounds) and what is due next (protocol timers).

export function AlarmsSection({ data, when }: { readonly data: THandoverData; readonly when: TWhen }) {
  const t = useTranslations("handover");
  const alarmText = useAlarmText();
  const alarms = data.alarms;
  if (!alarms.available) {
    return (
      <section
        className="handover-section"
        aria-labelledby="handover-alarms"
        data-testid="handover-alarms"
        data-available="false"
      >
        <h2 id="handover-alarms">{t("sections.alarms")}</h2>
        <p className="handover-unavailable">{t("alarms.unavailable")}</p>
      </section>
    );
  }
  // Worded as the station's alarm list words it: a sentence read aloud, with the quantity the rule is about.
  const describe = (a: (typeof alarms.raised)[number]) => alarmText(toAlarmTextInput(a));
  const list = (items: typeof alarms.raised, testId: string) =>
    items.length === 0 ? (
      <p className="handover-muted">{t("alarms.none")}</p>
    ) : (
      <ul className="handover-list" data-testid={testId}>
        {items.map((a) => (
          <li key={a.id} data-priority={a.priority}>
            <strong>{t(`alarms.priority.${a.priority}`)}</strong> — {describe(a)} ·{" "}
            {t("alarms.raisedAt", { time: when(a.raisedAt) })}
            {a.resolvedAt !== null && <> · {t("alarms.resolvedAt", { time: when(a.resolvedAt) })}</>} ·{" "}
            <span className="handover-state">
              {(["active", "acknowledged", "latched", "resolved"] as const).includes(a.status as "active")
                ? t(`alarms.status.${a.status as "active"}`)
                : a.status}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <section
      className="handover-section"
      aria-labelledby="handover-alarms"
      data-testid="handover-alarms"
      data-available="true"
    >
      <h2 id="handover-alarms">{t("sections.alarms")}</h2>
      <p data-testid="handover-alarm-counts">{t("alarms.counts", alarms.counts)}</p>
      <h3>{t("alarms.active")}</h3>
      {list(alarms.active, "handover-alarms-active")}
      <h3>{t("alarms.raised")}</h3>
      {list(alarms.raised, "handover-alarms-raised")}
    </section>
  );
}

export function RoundsSection({
  data,
  when,
  locale,
}: {
  readonly data: THandoverData;
  readonly when: TWhen;
  readonly locale: TLocale;
}) {
  const t = useTranslations("handover");
  const rounds = data.rounds;
  return (
    <section
      className="handover-section"
      aria-labelledby="handover-rounds"
      data-testid="handover-rounds"
      data-available={rounds.available}
    >
      <h2 id="handover-rounds">{t("sections.rounds")}</h2>
      {!rounds.available ? (
        <p className="handover-unavailable">
          {rounds.reason === "no_support" ? t("rounds.noSupport") : t("rounds.unavailable")}
        </p>
      ) : (
        <>
          <p data-testid="handover-round-summary">
            {t("rounds.summary", { done: rounds.done, late: rounds.late, missed: rounds.missed })}
          </p>
          {rounds.shiftItemsMissed && <p className="handover-flag">{t("rounds.shiftItemsMissed")}</p>}
          {rounds.nextDueAt !== null && (
            <p className="handover-muted">
              {t("rounds.nextDue", { time: when(rounds.nextDueAt) })}
              {rounds.nextDueAt <= data.coversUntil && <span className="handover-flag"> {t("timers.overdue")}</span>}
            </p>
          )}
          <h3>{t("rounds.abnormal")}</h3>
          {rounds.abnormal.length === 0 ? (
            <p className="handover-muted">{t("rounds.noAbnormal")}</p>
          ) : (
            <ul className="handover-list">
              {rounds.abnormal.map((f) => (
                <li key={`${f.roundId}-${f.itemId}`}>
                  <Time at={f.signedAt} when={when} /> — {f.label[locale]}: {f.value}
                  {f.comment && <> — {f.comment}</>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The protocol's duration of a weaning step (docs/clinical-reference.md §6), as the timer's sentence prints it. */
const weaningStepHours = {
  min: CLINICAL_LIMITS.weaningStepMin.value / HOUR,
  max: CLINICAL_LIMITS.weaningStepMax.value / HOUR,
};

export function TimersSection({
  data,
  when,
  locale,
}: {
  readonly data: THandoverData;
  readonly when: TWhen;
  readonly locale: TLocale;
}) {
  const t = useTranslations("handover");
  const overdue = (at: number) => at <= data.coversUntil;
  return (
    <section className="handover-section" aria-labelledby="handover-timers" data-testid="handover-timers">
      <h2 id="handover-timers">{t("sections.timers")}</h2>
      {data.timers.length === 0 ? (
        <p className="handover-muted">{t("timers.none")}</p>
      ) : (
        <ul className="handover-list">
          {data.timers.map((timer) => {
            const key = timer.kind === "lab_due" ? `${timer.kind}-${timer.code}` : timer.kind;
            const due =
              timer.kind === "balloon_stopped" ? timer.limitAt : timer.kind === "ratio_step" ? null : timer.dueAt;
            return (
              <li key={key} data-testid={`handover-timer-${key}`}>
                {timer.kind === "balloon_stopped" &&
                  t("timers.balloon_stopped", {
                    since: when(timer.since),
                    limit: when(timer.limitAt),
                    minutes: (timer.limitAt - timer.since) / MINUTE,
                  })}
                {timer.kind === "ratio_step" &&
                  t("timers.ratio_step", { ratio: timer.ratio, since: when(timer.since), ...weaningStepHours })}
                {timer.kind === "dpc_missing" &&
                  t("timers.dpc_missing", { due: when(timer.dueAt), hours: CLINICAL_LIMITS.dpcWithin.value / HOUR })}
                {timer.kind === "lab_due" &&
                  t("timers.lab_due", {
                    lab: parameterLabel(timer.code, locale),
                    due: when(timer.dueAt),
                    last: when(timer.lastAt),
                  })}
                {due !== null && overdue(due) && <span className="handover-flag"> {t("timers.overdue")}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
