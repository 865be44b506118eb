import { useTranslations } from "next-intl";
import type { TTargetStatus } from "@/lib/catalogue";
import type { TLabTileValue, TTileCell } from "@/lib/station/prepare-tile";
import { LabAge } from "./LabAge";
import { TileValue } from "./TileValue";

/* A tile's value cells (components/station/BedTile.tsx): a value, an augmentation/systole pair, a laboratory value. */

function cellClass(status: TTargetStatus, stale: boolean): string {
  const out = status === "low" || status === "high";
  return `cell${out ? " cell--out" : ""}${stale ? " cell--stale" : ""}`;
}

function CellLabel({ label, unit }: { readonly label: string; readonly unit: string }) {
  return (
    <dt className="cell__label">
      {label}
      {unit !== "" && <span className="cell__unit">{unit}</span>}
    </dt>
  );
}

export function Cell({
  cell,
  timeZone,
  sheddable = false,
  keep = false,
}: {
  readonly cell: TTileCell;
  readonly timeZone: string;
  /** May give its room to the key values and lab (use-whole-cells.ts). */
  readonly sheddable?: boolean;
  /** A key value, kept before the sheddable ones (use-whole-cells.ts). */
  readonly keep?: boolean;
}) {
  const t = useTranslations("tile");
  const shed = sheddable ? { "data-fit-shed": "" } : keep ? { "data-fit-keep": "" } : {};
  if (cell.kind === "value") {
    return (
      <div className={cellClass(cell.value.status, cell.value.stale)} data-fit="" {...shed}>
        <CellLabel label={cell.value.label} unit={cell.value.unit} />
        <dd className="cell__value">
          <TileValue value={cell.value} timeZone={timeZone} />
        </dd>
      </div>
    );
  }
  const { aug, sys } = cell;
  // Two numbers in one cell: the comparison is the message, so the pair drops its trend arrows for width.
  return (
    <div className={`${cellClass(aug.status, aug.stale || sys.stale)} cell--pair`} data-fit="" {...shed}>
      <CellLabel label={t("augVsSys", { aug: aug.label, sys: sys.label })} unit={sys.unit} />
      <dd className="cell__value">
        <TileValue value={aug} timeZone={timeZone} showTrend={false} />
        <TileValue value={sys} timeZone={timeZone} showTrend={false} />
      </dd>
    </div>
  );
}

/** Labs: the age goes beside the number ("3.4 ↑ 2 h ago"): hours apart, their age matters more than their time. */
export function LabCell({
  lab,
  timeZone,
  keep = false,
}: {
  readonly lab: TLabTileValue;
  readonly timeZone: string;
  /** Kept before the tile's sheddable values (use-whole-cells.ts). */
  readonly keep?: boolean;
}) {
  return (
    <div
      className={`${cellClass(lab.status, lab.stale)} cell--lab`}
      data-fit=""
      {...(keep ? { "data-fit-keep": "" } : {})}
    >
      <CellLabel label={lab.label} unit={lab.unit} />
      <dd className="cell__value">
        <TileValue value={lab} timeZone={timeZone} />
        {lab.resultStatus && <ResultStatusBadge code={lab.code} status={lab.resultStatus} />}
        {lab.age && <LabAge code={lab.code} age={lab.age} />}
      </dd>
    </div>
  );
}

/** CORRECTED or PRELIMINARY beside a laboratory value, with what it means on hover. */
function ResultStatusBadge({ code, status }: { readonly code: string; readonly status: "corrected" | "preliminary" }) {
  const t = useTranslations("labResults");
  return (
    <span
      className={`result-status result-status--${status}`}
      data-testid={`result-status-${code}`}
      title={t(`statusHint.${status}`)}
    >
      {t(`status.${status}`)}
    </span>
  );
}
