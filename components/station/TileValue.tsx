import { useLocale, useTranslations } from "next-intl";
import { TargetMark } from "@/components/ui/TargetMark";
import { TrendArrow } from "@/components/ui/TrendArrow";
import { VisuallyHidden } from "@/components/ui/VisuallyHidden";
import { formatClockTime } from "@/lib/station/format-clock-time";
import type { TTileValue } from "@/lib/station/prepare-tile";

/**
 * One value as drawn: number (or the words of a coded value), target mark and trend arrow; its unit is printed in
 * the cell's label line, where it costs no width. Its measurement time travels with it (data-observed-at, and the
 * tooltip) so that every number on the wall can say how old it is.
 */
export function TileValue({
  value,
  timeZone,
  showTrend = true,
}: {
  readonly value: TTileValue;
  readonly timeZone: string;
  readonly showTrend?: boolean;
}) {
  const t = useTranslations("value");
  const locale = useLocale();
  const measured = value.observedAt === null ? null : formatClockTime(value.observedAt, locale, timeZone);
  const text = value.message ? t(value.message) : value.text;
  return (
    <span
      className="value"
      data-testid={`value-${value.code}`}
      data-observed-at={value.observedAt ?? undefined}
      data-status={value.status}
      data-stale={value.stale}
      title={measured === null ? t("missingLabel") : t("measuredAt", { time: measured })}
    >
      {text === null ? (
        <>
          <span className="value__number value__number--missing" aria-hidden="true">
            {t("missing")}
          </span>
          <VisuallyHidden>{t("missingLabel")}</VisuallyHidden>
        </>
      ) : (
        <span className={value.message ? "value__number value__number--word" : "value__number"}>{text}</span>
      )}
      {/* A break opportunity: in a narrow column the marks go under the number rather than widen the cell. */}
      <wbr />
      <TargetMark status={value.status} />
      {showTrend && <TrendArrow trend={value.trend} />}
      {value.stale && <VisuallyHidden>{t("stale")}</VisuallyHidden>}
    </span>
  );
}
