"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCan } from "@/lib/client/session-user";

/** The way from the station or a bed to the handover, for the roles that may read it (not a wall screen). */
export function HandoverLink({ href, kind }: { readonly href: string; readonly kind: "unit" | "bed" }) {
  const t = useTranslations("handover");
  const canView = useCan("handover.view");
  if (!canView) return null;
  return (
    <Link className="handover-link" href={href} data-testid={`handover-link-${kind}`}>
      {kind === "unit" ? t("openUnit") : t("openSheet")}
    </Link>
  );
}
