import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/Notice";
import { RequestError } from "@/lib/client/request-error";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";

/** The round's checklist could not be read: the station's reason when it gave one, and a way to try again. */
export function RoundContextError({ error }: { readonly error: Error | null }) {
  const t = useTranslations("rounds");
  const describe = useDescribeRequestError();
  const refused = error instanceof RequestError && error.kind === "refused";
  return (
    <Notice title={refused ? describe(error) : t("unavailable")} testId="round-error">
      <button type="button" className="round-button" onClick={() => window.location.reload()}>
        {t("form.reload")}
      </button>
    </Notice>
  );
}
