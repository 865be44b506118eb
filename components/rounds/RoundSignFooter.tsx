import { useTranslations } from "next-intl";
import { useCan, useSessionUser } from "@/lib/client/session-user";
import type { TPreparedRoundForm } from "@/lib/rounds/prepare-round-form";

/** What is left to answer, the signature (for those who may sign) and the way to discard the draft. */
export function RoundSignFooter({
  form,
  locked,
  onSign,
  onDiscard,
}: {
  readonly form: TPreparedRoundForm;
  readonly locked: boolean;
  readonly onSign: () => void;
  readonly onDiscard: () => void;
}) {
  const t = useTranslations("rounds");
  const user = useSessionUser();
  const canSign = useCan("checklist.sign");
  return (
    <footer className="round-sign">
      {form.complete ? (
        <p className="round-sign__hint">{t("form.allAnswered")}</p>
      ) : (
        <p className="round-sign__hint round-sign__hint--remaining" data-testid="round-remaining">
          {t("form.remaining", { count: form.remaining.length })}{" "}
          <a href={`#item-${form.remaining[0] ?? ""}`}>{t("form.goTo")}</a>
        </p>
      )}
      {canSign ? (
        <button
          type="button"
          className="round-button round-button--sign"
          disabled={!form.complete || locked}
          onClick={onSign}
          data-testid="round-sign"
        >
          {locked ? t("form.signing") : t("form.sign", { name: user.displayName })}
        </button>
      ) : (
        <p className="round-sign__hint">{t("form.cannotSign")}</p>
      )}
      {!locked && (
        <button type="button" className="round-button round-button--quiet" onClick={onDiscard}>
          {t("form.discard")}
        </button>
      )}
    </footer>
  );
}
