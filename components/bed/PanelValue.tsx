import { useLocale, useTranslations } from "next-intl";
import { TargetMark } from "@/components/ui/TargetMark";
import { VisuallyHidden } from "@/components/ui/VisuallyHidden";
import type { TPanelValue } from "@/lib/bed/prepare-device-panel";
import { formatClockTime } from "@/lib/station/format-clock-time";
import { ReadingAge } from "./ReadingAge";

/** One device value in the panel: label and unit, the number with its target mark, and its age under it. */
export function PanelValue({
  value,
  timeZone,
  wide = false,
}: {
  readonly value: TPanelValue;
  readonly timeZone: string;
  readonly wide?: boolean;
}) {
  const t = useTranslations("value");
  const locale = useLocale();
  const out = value.status === "low" || value.status === "high";
  return (
    <div
      className={`pv${out ? " pv--out" : ""}${value.stale ? " pv--stale" : ""}${wide ? " pv--wide" : ""}`}
      data-testid={`panel-${value.code}`}
      data-status={value.status}
      data-stale={value.stale}
      data-observed-at={value.observedAt ?? undefined}
      title={
        value.observedAt === null
          ? t("missingLabel")
          : t("measuredAt", { time: formatClockTime(value.observedAt, locale, timeZone) })
      }
    >
      <dt className="pv__label">
        {value.label}
        {value.unit !== "" && <span className="pv__unit">{value.unit}</span>}
      </dt>
      <dd className="pv__value">
        {value.text === null ? (
          <>
            <span className="pv__number pv__number--missing" aria-hidden="true">
              {t("missing")}
            </span>
            <VisuallyHidden>{t("missingLabel")}</VisuallyHidden>
          </>
        ) : (
          <span className="pv__number">{value.text}</span>
        )}
        <TargetMark status={value.status} />
        {value.stale && <VisuallyHidden>{t("stale")}</VisuallyHidden>}
        <ReadingAge age={value.age} testId={`age-${value.code}`} />
      </dd>
    </div>
  );
}
