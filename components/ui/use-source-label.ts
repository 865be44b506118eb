"use client";

import { useTranslations } from "next-intl";
import type en from "@/lib/i18n/messages/en.json";

/** The references the catalogue names (lib/catalogue/sources.ts, lib/scores/sources.ts, lib/alarms/sources.ts). */
type TSourceId = keyof (typeof en)["sources"];

/**
 * A reference behind a target, a rule or a score, named in the page's language: the guideline or the local protocol
 * (messages `sources.<id>`). A reference the catalogue does not name yet shows its English citation rather than
 * nothing.
 */
export function useSourceLabel(): (source: { readonly id: string; readonly citation: string }) => string {
  const t = useTranslations("sources");
  return (source) => {
    // An id the catalogue may not name (a newer reference): t.has checks it before it is used as a key.
    const id = source.id as TSourceId;
    return t.has(id) ? t(id) : source.citation;
  };
}
