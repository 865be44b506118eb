import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/Notice";
import { RoundsRequestError } from "@/lib/client/rounds-api";

/** The round's checklist could not be read: the station's reason when it gave one, and a way to try again. */
export function RoundContextError({ error }: { readonly error: Error | null }) {
  const t = useTranslations("rounds");
  const refused = error instanceof RoundsRequestError && error.kind === "refused";
  return (
    <Notice title={refused ? error.message : t("unavailable")} testId="round-error">
      <button type="button" className="round-button" onClick={() => window.location.reload()}>
        {t("form.reload")}
      </button>
    </Notice>
  );
}
