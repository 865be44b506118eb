"use client";

import { useTranslations } from "next-intl";
import { ZAuditAction } from "@/lib/auth/audit-actions";

/**
 * An audit action's name in the page's language. The catalogue nests the labels as the codes read
 * ("user.created" → admin.audit.actions.user.created); an action recorded by a newer or older version, with no
 * label here, shows as its code rather than as nothing.
 */
export function useAuditActionLabel(): (action: string) => string {
  const t = useTranslations("admin.audit.actions");
  return (action) => {
    const known = ZAuditAction.safeParse(action);
    return known.success && t.has(known.data) ? t(known.data) : action;
  };
}
