import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { TRoundDraft } from "@/lib/client/round-draft";
import type { TBedRoundContext } from "@/lib/rounds/round-dtos";

/** Which bed, patient and checklist the round is for, when it was opened and which rounds it asks. */
export function RoundFormHeader({ data, draft }: { readonly data: TBedRoundContext; readonly draft: TRoundDraft }) {
  const t = useTranslations("rounds");
  const locale = useLocale();
  return (
    <header className="rounds__header">
      <div>
        <p className="rounds__kicker">
          <Link href={`/rounds/${encodeURIComponent(data.bed.unitId)}`}>{t("form.backToRounds")}</Link>
        </p>
        <h1>{t("form.title", { label: data.bed.label })}</h1>
        <p className="rounds__meta">
          {data.patientInitials} ·{" "}
          {t("form.checklist", {
            device: t(`deviceType.${data.template.deviceType}`),
            version: data.template.version,
          })}{" "}
          · {t("form.opened", { time: formatDayTime(draft.startedAt, locale, data.timeZone) })}
        </p>
        <p className="rounds__meta">
          {t("asks", { frequencies: draft.frequencies.map((f) => t(`frequency.${f}`)).join(", ") })}
        </p>
      </div>
    </header>
  );
}
