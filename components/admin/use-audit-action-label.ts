"use client";

import { useTranslations } from "next-intl";
import { ZAuditAction } from "@/lib/auth/audit-actions";

/**
 * An audit action's name in the page's language. The catalogue nests the labels as the codes read
 * ("user.created" → admin.audit.actions.user.created); an action recorded by a newer or older version, with no
 * label here, says so in words: a code is not a sentence (issue 17), and the CSV export keeps it.
 */
export function useAuditActionLabel(): (action: string) => string {
  const t = useTranslations("admin.audit.actions");
  const tAudit = useTranslations("admin.audit");
  return (action) => {
    const known = ZAuditAction.safeParse(action);
    return known.success && t.has(known.data) ? t(known.data) : tAudit("actionUnknown");
  };
}
