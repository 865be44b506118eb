import { useLocale, useTranslations } from "next-intl";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { TRoundDto } from "@/lib/rounds/round-dtos";

export type TSaveState =
  | { readonly kind: "draft" }
  | { readonly kind: "saving" }
  /** No answer from the station: kept on the tablet, retried. */
  | { readonly kind: "offline" }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "saved"; readonly round: TRoundDto };

/** Where the round stands, in words a nurse cannot misread: a draft on the tablet, saving, NOT SAVED, or SAVED. */
export function SaveStatus({
  state,
  onRetry,
  timeZone = "UTC",
}: {
  readonly state: TSaveState;
  readonly onRetry?: () => void;
  readonly timeZone?: string;
}) {
  const t = useTranslations("rounds.status");
  const locale = useLocale();
  return (
    <div
      className={`round-status round-status--${state.kind}`}
      role="status"
      aria-live="polite"
      data-testid="round-save-status"
      data-state={state.kind}
    >
      {state.kind === "draft" && <p>{t("draft")}</p>}
      {state.kind === "saving" && <p>{t("saving")}</p>}
      {state.kind === "offline" && (
        <>
          <p>{t("offline")}</p>
          {onRetry && (
            <button type="button" className="round-button" onClick={onRetry} data-testid="round-retry">
              {t("retry")}
            </button>
          )}
        </>
      )}
      {state.kind === "refused" && <p>{t("refused", { message: state.message })}</p>}
      {state.kind === "saved" && (
        <>
          <p>
            {t("saved", { name: state.round.signedBy, time: formatDayTime(state.round.signedAt, locale, timeZone) })}
          </p>
          <p className="round-status__hint">{t("savedHint")}</p>
        </>
      )}
    </div>
  );
}
