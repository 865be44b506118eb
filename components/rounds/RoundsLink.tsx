"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCan } from "@/lib/client/session-user";
import "./tile-round.css";

/** From the station to the unit's rounds, for those who sign them (a wall screen shows no such link). */
export function RoundsLink({ unitId }: { readonly unitId: string }) {
  const t = useTranslations("rounds");
  if (!useCan("checklist.sign")) return null;
  return (
    <Link
      className="station__rounds-link"
      href={`/rounds/${encodeURIComponent(unitId)}`}
      data-testid="station-rounds-link"
    >
      {t("title")}
    </Link>
  );
}
