import { useTranslations } from "next-intl";
import type { TTrend } from "@/lib/station/prepare-tile";
import { VisuallyHidden } from "./VisuallyHidden";

const GLYPHS: Record<TTrend, string> = { up: "↑", down: "↓", steady: "→" };
const WORDS = { up: "trendUp", down: "trendDown", steady: "trendSteady" } as const;

/** A thin arrow, deliberately unlike the filled target triangles, so that trend and target are never confused. */
export function TrendArrow({ trend }: { readonly trend: TTrend | null }) {
  const t = useTranslations("value");
  if (trend === null) return null;
  return (
    <span className={`trend trend--${trend}`}>
      <span aria-hidden="true">{GLYPHS[trend]}</span>
      <VisuallyHidden>{t(WORDS[trend])}</VisuallyHidden>
    </span>
  );
}
