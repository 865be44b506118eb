"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { fieldMessagesOf } from "@/lib/client/admin-api";
import { RequestError } from "@/lib/client/request-error";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";

/**
 * What the server refused, above the form's buttons. When every field it named has its message beside its input,
 * this only points there (in the page's language); otherwise it says the refusal in the page's language, so that
 * nothing it named goes unseen.
 */
export function FormError({
  error,
  shownFields,
}: {
  readonly error: unknown;
  readonly shownFields: readonly string[];
}) {
  const t = useTranslations("admin.common");
  const { describe } = useAdminErrors();
  if (!error) return null;
  const named = Object.keys(fieldMessagesOf(error));
  const allShown = named.length > 0 && named.every((field) => shownFields.includes(field));
  return (
    <div className="admin-form__error" role="alert" data-testid="admin-form-error">
      <p>{allShown ? t("fieldsMarked") : describe(error)}</p>
    </div>
  );
}

/**
 * The administration pages' words for a failure, in the page's language: `describe` as one sentence for an alert,
 * `field` for the message beside one input. A refusal with a catalogue reason (a taken username, an unknown unit) is
 * worded from the `refusals` catalogue; an ended session and a refused role by the admin catalogue; on an English
 * page the server's own sentence otherwise, on any other a sentence by status (never the English on a French page).
 */
export function useAdminErrors(): {
  describe: (error: unknown) => string;
  field: (error: unknown, name: string) => string | undefined;
} {
  const t = useTranslations("admin.common");
  const locale = useLocale();
  const describeRequest = useDescribeRequestError();
  return useMemo(() => {
    const describe = (error: unknown): string => {
      if (!(error instanceof RequestError) || error.kind === "network") return t("unreachable");
      if (error.code === "UNAUTHENTICATED") return t("sessionEnded");
      if (error.code === "FORBIDDEN") return t("forbidden");
      return describeRequest(error);
    };
    const field = (error: unknown, name: string): string | undefined => {
      const message = fieldMessagesOf(error)[name];
      if (message === undefined) return undefined;
      // The refusal named this field and says why in the catalogue: the reason, in the page's language.
      if (error instanceof RequestError && error.reason && error.field?.split(".")[0] === name)
        return describeRequest(error);
      return locale === "en" ? message : t("fieldRefused");
    };
    return { describe, field };
  }, [t, locale, describeRequest]);
}
