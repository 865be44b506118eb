import { useLocale, useTranslations } from "next-intl";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { TScaiSuggestion } from "@/lib/scores/scai-stage";
import { formatNumber } from "@/lib/station/prepare-tile";
import { useSourceLabel } from "@/components/ui/use-source-label";

/** The SCAI stage the latest lactate points to, with that lactate and the source: a suggestion, never a label. */
export function ScaiCard({ scai, timeZone }: { readonly scai: TScaiSuggestion; readonly timeZone: string }) {
  const t = useTranslations("bed.scai");
  const locale = useLocale();
  const sourceLabel = useSourceLabel();
  return (
    <div className="score-card" data-testid="scai" data-stage={scai.stage ?? "none"}>
      <p className="score-card__title">{t("title")}</p>
      <p className="score-card__result">{scai.stage ? t("stage", { stage: scai.stage }) : t("noStage")}</p>
      <p className="score-card__note">
        {t(`criteria.${scai.criterion}`)}
        {scai.lactate && (
          <>
            {" — "}
            {t("input", {
              value: formatNumber(scai.lactate.v, 1, locale),
              time: formatDayTime(scai.lactate.t, locale, timeZone),
            })}
          </>
        )}
      </p>
      <p className="score-card__note">{t("note")}</p>
      <p className="score-card__source">{sourceLabel(scai.source)}</p>
    </div>
  );
}
