"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useServerNow } from "@/lib/client/use-connection";
import { useBedProtocols } from "@/lib/client/use-protocols";
import { dueSteps, openSteps } from "@/lib/protocols/prepare-protocols";
import { useStepCountdown, useStepName, useStepState } from "./StepWords";
import "./protocols.css";

/**
 * A bed's protocol steps as a list inside another document: on the round checklist the steps due or overdue now
 * ("which": due), on the handover sheet every step still open (open). Read live from the bed's timers; the steps are
 * signed on the bed page's panel, which the list links to. Renders nothing when there is nothing to list.
 */
export function ProtocolStepList({
  bedId,
  timeZone,
  which,
}: {
  readonly bedId: string;
  readonly timeZone: string;
  readonly which: "due" | "open";
}) {
  const t = useTranslations("protocols");
  const query = useBedProtocols(bedId);
  const now = useServerNow();
  const name = useStepName();
  const countdown = useStepCountdown(timeZone);
  const state = useStepState(timeZone);
  const data = query.data;
  if (!data) return null;
  const at = now ?? data.serverTime;
  const steps = which === "due" ? dueSteps(data.plans, at) : openSteps(data.plans, at);
  if (steps.length === 0) return null;
  return (
    <section
      className={which === "due" ? "round-section" : "handover-protocols"}
      aria-labelledby={`protocol-steps-${which}`}
      data-testid={`protocol-steps-${which}`}
    >
      <h2 id={`protocol-steps-${which}`}>{which === "due" ? t("roundDue") : t("handoverPending")}</h2>
      <ul className="protocols__list">
        {steps.map((step) => (
          <li key={`${step.timerId}/${step.stepId}/${step.occurrence}`} data-state={step.kind} data-step={step.stepId}>
            {t(`name.${step.protocol}`)}: {step.kind === "waiting" ? `${name(step)} (${state(step)})` : countdown(step)}
          </li>
        ))}
      </ul>
      <p className="protocols__meta">
        <Link href={`/beds/${encodeURIComponent(bedId)}`}>{t("title")}</Link>
      </p>
    </section>
  );
}
