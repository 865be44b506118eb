"use client";

import { useTranslations } from "next-intl";
import { DueText } from "./DueText";
import { useBedRoundStatus } from "./RoundStatusProvider";
import "./tile-round.css";

/** One line on a station tile: "Round due in 12 min" / "Round overdue 25 min", and the bed's flagged findings. */
export function TileRoundLine({
  bedId,
  short = false,
}: {
  readonly bedId: string;
  /** A dense wall's tile: the overdue line in its short form ("Round +25 min"). */
  readonly short?: boolean;
}) {
  const t = useTranslations("rounds");
  const status = useBedRoundStatus(bedId);
  if (!status || (status.kind !== "due" && status.kind !== "overdue")) return null;
  return (
    <p
      className={`tile__round tile__round--${status.kind}`}
      data-testid="tile-round"
      data-fit=""
      data-state={status.kind}
    >
      <span data-testid="tile-round-due">
        <DueText status={status} short={short} />
      </span>
      {status.findings > 0 && (
        <span className="tile__round-flag" data-testid="tile-round-flag">
          {t("tile.flag", { count: status.findings })}
        </span>
      )}
    </p>
  );
}
