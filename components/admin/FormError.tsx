"use client";

import { useTranslations } from "next-intl";
import { fieldMessagesOf } from "@/lib/client/admin-api";
import { RequestError } from "@/lib/client/request-error";

/**
 * What the server refused, above the form's buttons. When every field it named has its message beside its input,
 * this only points there (in the page's language); otherwise it says the server's whole message, so that nothing
 * it named goes unseen. An ended session or a refused role is said in the page's language.
 */
export function FormError({
  error,
  shownFields,
}: {
  readonly error: unknown;
  readonly shownFields: readonly string[];
}) {
  const t = useTranslations("admin.common");
  if (!error) return null;
  const named = Object.keys(fieldMessagesOf(error));
  const allShown = named.length > 0 && named.every((field) => shownFields.includes(field));
  return (
    <div className="admin-form__error" role="alert" data-testid="admin-form-error">
      <p>{allShown ? t("fieldsMarked") : describeError(error, t)}</p>
    </div>
  );
}

type TCommon = ReturnType<typeof useTranslations<"admin.common">>;

/** A failure as one sentence for the page's alerts. */
export function describeError(error: unknown, t: TCommon): string {
  if (!(error instanceof RequestError) || error.kind === "network") return t("unreachable");
  if (error.code === "UNAUTHENTICATED") return t("sessionEnded");
  if (error.code === "FORBIDDEN") return t("forbidden");
  return error.message;
}

/** The server's message for one field, if it named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return fieldMessagesOf(error)[field];
}
