import { useTranslations } from "next-intl";
import type { TPreparedRoundStatus } from "@/lib/rounds/prepare-round-status";

type TTimed = Extract<TPreparedRoundStatus, { kind: "due" | "overdue" }>;

/**
 * "Round due in 12 min" / "Round overdue 25 min" (hours and days for longer); under a minute either side, "Round due
 * now": "overdue 0 min" says nothing a nurse can act on.
 */
export function DueText({
  status,
  short = false,
}: {
  readonly status: TTimed;
  /** A dense wall tile's line, about ten characters wide: "Round +25 min", the full words on hover. */
  readonly short?: boolean;
}) {
  const t = useTranslations("rounds");
  const d = status.duration;
  if (d.unit === "minutes" && d.minutes === 0) return <>{t("due.now")}</>;
  const duration =
    d.unit === "minutes"
      ? t("duration.minutes", { minutes: d.minutes })
      : d.unit === "hours"
        ? t("duration.hours", { hours: d.hours, minutes: d.minutes })
        : t("duration.days", { days: d.days, hours: d.hours });
  if (status.kind === "overdue" && short) return <>{t("due.overdueShort", { duration })}</>;
  return <>{status.kind === "overdue" ? t("due.overdue", { duration }) : t("due.in", { duration })}</>;
}
