"use client";

import { useTranslations } from "next-intl";
import { useStepCountdown } from "./StepWords";
import { useBedProtocolStep } from "./ProtocolStatusProvider";
import "./protocols.css";

/**
 * One line on a station tile: the bed's next protocol step and its countdown ("◷ Heparin stopped … due in 42 min").
 * Overdue, it takes the colour of the priority its alarm is raised with (medium yellow, low cyan: the tile's alarm
 * colours), steady: the flashing belongs to the alarm itself.
 */
export function TileProtocolLine({ bedId, timeZone }: { readonly bedId: string; readonly timeZone: string }) {
  const t = useTranslations("protocols");
  const entry = useBedProtocolStep(bedId);
  const countdown = useStepCountdown(timeZone);
  if (!entry) return null;
  const { step, others } = entry;
  const tone = step.kind === "overdue" ? ` tile__protocol--overdue-${step.overduePriority}` : "";
  return (
    <p
      className={`tile__protocol tile__protocol--${step.kind}${tone}`}
      data-testid="tile-protocol"
      data-fit=""
      data-state={step.kind}
      data-step={step.stepId}
      title={t(`name.${step.protocol}`)}
    >
      <span aria-hidden="true">◷ </span>
      <span className="tile__protocol-text">{countdown(step)}</span>
      {others > 0 && <span className="tile__protocol-more">+{others}</span>}
    </p>
  );
}
