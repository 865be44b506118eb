import { useTranslations } from "next-intl";
import type { TLegendEntry } from "@/lib/station/tile-density";

/**
 * The units a dense wall's tiles leave out (lib/station/tile-density.ts), once for the whole wall: "Flow L/min ·
 * MAP mmHg · …". Read at the wall from close up, once; the tiles keep their room for the numbers.
 */
export function UnitLegend({ entries }: { readonly entries: readonly TLegendEntry[] }) {
  const t = useTranslations("station");
  const tile = useTranslations("tile");
  if (entries.length === 0) return null;
  return (
    <p className="station__legend" data-testid="unit-legend">
      <span className="station__legend-title">{t("unitLegend")}</span>
      {entries.map((entry) => {
        const label = entry.kind === "value" ? entry.label : tile("augVsSys", { aug: entry.aug, sys: entry.sys });
        return (
          <span key={label} className="station__legend-entry">
            <strong>{label}</strong> {entry.unit}
          </span>
        );
      })}
    </p>
  );
}
