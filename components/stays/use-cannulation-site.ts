"use client";

import { useTranslations } from "next-intl";
import { parseCannulationSite } from "@/lib/stays/cannulation-site";

/**
 * A cannulation site in the page's language when it is written in the station's words ("femoral right" reads
 * "fémoral droit" in French); a person's own text as they typed it.
 */
export function useCannulationSite(): (text: string) => string {
  const t = useTranslations("stays");
  return (text) => {
    const site = parseCannulationSite(text);
    if (!site) return text;
    const vessel = t(`siteVessels.${site.vessel}`);
    return site.side ? t("siteWithSide", { vessel, side: t(`siteSides.${site.side}`) }) : vessel;
  };
}
