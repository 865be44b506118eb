"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCan } from "@/lib/client/session-user";

/** From the station to the unit's discharged stays, for those who may read them (a wall screen shows no such link). */
export function ArchiveLink({ unitId }: { readonly unitId: string }) {
  const t = useTranslations("stayRecord");
  if (!useCan("stay.view")) return null;
  return (
    <Link
      className="station__rounds-link"
      href={`/units/${encodeURIComponent(unitId)}/archive`}
      data-testid="station-archive-link"
    >
      {t("archiveLink")}
    </Link>
  );
}
