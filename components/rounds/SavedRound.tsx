import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TRoundDto } from "@/lib/rounds/round-dtos";
import { SaveStatus } from "./SaveStatus";

/** A round the station confirmed: what was saved, and the way back to the rounds list or to the bed's history. */
export function SavedRound({
  round,
  bedLabel,
  unitId,
  timeZone,
  bedId,
}: {
  readonly round: TRoundDto;
  readonly bedLabel: string;
  readonly unitId: string;
  readonly timeZone: string;
  readonly bedId: string;
}) {
  const t = useTranslations("rounds");
  return (
    <main className="rounds rounds--form" data-testid="round-form" data-round-id={round.id}>
      <header className="rounds__header">
        <h1>{t("form.title", { label: bedLabel })}</h1>
      </header>
      <SaveStatus state={{ kind: "saved", round }} timeZone={timeZone} />
      <p className="round-saved__links">
        <Link className="round-button" href={`/rounds/${encodeURIComponent(unitId)}`} data-testid="round-back">
          {t("form.backToRounds")}
        </Link>
        <Link className="round-button round-button--quiet" href={`/beds/${encodeURIComponent(bedId)}/rounds`}>
          {t("history")}
        </Link>
      </p>
    </main>
  );
}
