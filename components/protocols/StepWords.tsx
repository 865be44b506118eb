"use client";

import { useLocale, useTranslations } from "next-intl";
import type { TPreparedStep } from "@/lib/protocols/prepare-protocols";
import { formatClockTime } from "@/lib/station/format-clock-time";

/** A step's name ("Heparin stopped (1 h before removal)"), with its occurrence for a repeating check. */
export function useStepName(): (step: Pick<TPreparedStep, "stepId" | "occurrence" | "protocol">) => string {
  const t = useTranslations("protocols");
  return (step) => {
    const key = `step.${step.stepId}` as "step.ratio-1-2";
    const name = t.has(key) ? t(key) : step.stepId;
    return step.protocol === "helium-check" ? `${name}, ${t("occurrence", { n: step.occurrence })}` : name;
  };
}

/** "due in 42 min", "overdue 1 h 5 min", "from 14:05": the countdown a tile and a list show for one step. */
export function useStepCountdown(timeZone: string): (step: TPreparedStep) => string {
  const t = useTranslations("protocols");
  const locale = useLocale();
  const name = useStepName();
  return (step) => {
    const label = name(step);
    if (step.kind === "pending" && step.at !== null)
      return t("countdown.pending", { step: label, time: formatClockTime(step.at, locale, timeZone) });
    if ((step.kind === "due" || step.kind === "overdue") && step.duration) {
      const d = step.duration;
      if (d.unit === "minutes" && d.minutes === 0 && step.kind === "due") return t("countdown.now", { step: label });
      const duration =
        d.unit === "minutes"
          ? t("duration.minutes", { minutes: d.minutes })
          : d.unit === "hours"
            ? t("duration.hours", { hours: d.hours, minutes: d.minutes })
            : t("duration.days", { days: d.days, hours: d.hours });
      return t(step.kind === "due" ? "countdown.due" : "countdown.overdue", { step: label, duration });
    }
    return label;
  };
}

/** "Due by 14:05", "Overdue since 14:05", "Done 13:58 by Nurse A", "After the previous step". */
export function useStepState(timeZone: string): (step: TPreparedStep) => string {
  const t = useTranslations("protocols");
  const locale = useLocale();
  return (step) => {
    const time = step.at === null ? "" : formatClockTime(step.at, locale, timeZone);
    switch (step.kind) {
      case "waiting":
        return t("state.waiting");
      case "pending":
        return t("state.pending", { time });
      case "due":
        return t("state.due", { time });
      case "overdue":
        return t("state.overdue", { time });
      case "done":
        return t("state.done", { time, name: step.done?.by ?? "" });
    }
  };
}
