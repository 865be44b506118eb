import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import type { TTileAlarm } from "@/lib/alarms/prepare-alarms";
import { chooseGrid } from "@/lib/station/choose-grid";
import type { TPreparedTile } from "@/lib/station/prepare-tile";
import { chooseDensity, tileAtDensity } from "@/lib/station/tile-density";
import { BedTile } from "./BedTile";

/**
 * Every bed at once, never scrolled: the grid's columns and rows, and how much each tile shows (full or compact,
 * lib/station/tile-density.ts), come from the bed count.
 */
export function BedGrid({
  tiles,
  unitName,
  timeZone,
  alarms,
  now = null,
}: {
  readonly tiles: readonly TPreparedTile[];
  readonly unitName: string;
  readonly timeZone: string;
  /** Each bed's alarm state (lib/alarms/prepare-alarms.ts), when the alarms have loaded. */
  readonly alarms?: ReadonlyMap<string, TTileAlarm>;
  /** Server time, epoch ms: an elapsed-time alarm's age counts on from it. */
  readonly now?: number | null;
}) {
  const t = useTranslations("station");
  const { columns, rows } = chooseGrid(tiles.length);
  const density = chooseDensity(tiles.length);
  // Custom properties carry the layout into station.css, where font sizes scale with the tile.
  const style = { "--columns": columns, "--rows": rows } as CSSProperties;
  return (
    <section
      className={`station__grid station__grid--${density}`}
      style={style}
      aria-label={t("gridLabel", { unit: unitName })}
      data-columns={columns}
      data-rows={rows}
      data-density={density}
    >
      {tiles.map((tile) => (
        <BedTile
          key={tile.bedId}
          tile={tileAtDensity(tile, density)}
          timeZone={timeZone}
          alarm={alarms?.get(tile.bedId)}
          now={now}
          density={density}
        />
      ))}
    </section>
  );
}
