"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/lib/client/session-user";
import { useBedProtocols } from "@/lib/client/use-protocols";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { prepareSteps, type TPreparedStep } from "@/lib/protocols/prepare-protocols";
import { formatClockTime } from "@/lib/station/format-clock-time";
import { CancelForm, SignForm, StartForm } from "./ProtocolForms";
import { useStepName, useStepState } from "./StepWords";
import "./protocols.css";

/**
 * The bed's protocol timers (project clinical reference §6): each plan with all its steps and their state at the
 * server's time, signing a step (who: the signed-in user; when: now or a few minutes back), starting a protocol the
 * patient's support allows, cancelling with a reason. Every change comes back to every screen by the change feed.
 */
export function ProtocolPanel({
  bedId,
  now,
  timeZone,
}: {
  readonly bedId: string;
  readonly now: number | null;
  readonly timeZone: string;
}) {
  const t = useTranslations("protocols");
  const query = useBedProtocols(bedId);
  const mayRun = useCan("protocol.run");
  const data = query.data;
  const at = now ?? data?.serverTime ?? 0;
  return (
    <section className="panel" aria-labelledby="protocols-title" data-testid="protocol-panel">
      <h2 className="panel__title" id="protocols-title">
        {t("title")}
      </h2>
      {query.isError && !data && <p className="protocols__error">{t("stale")}</p>}
      {data && (
        <>
          {data.plans.length === 0 && <p className="protocols__meta">{data.episode ? t("none") : t("noPatient")}</p>}
          {data.plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} now={at} timeZone={timeZone} mayRun={mayRun} />
          ))}
          {mayRun && data.episode && data.startable.length > 0 && (
            <StartForm bedId={bedId} episodeId={data.episode.id} startable={data.startable} timeZone={timeZone} />
          )}
        </>
      )}
      <p className="protocols__source">{t("source")}</p>
    </section>
  );
}

function PlanCard({
  plan,
  now,
  timeZone,
  mayRun,
}: {
  readonly plan: TProtocolPlanDto;
  readonly now: number;
  readonly timeZone: string;
  readonly mayRun: boolean;
}) {
  const t = useTranslations("protocols");
  const locale = useLocale();
  const steps = prepareSteps(plan, now);
  const running = plan.status === "active";
  return (
    <article
      className="protocols__plan"
      data-testid="protocol-plan"
      data-protocol={plan.protocol}
      data-status={plan.status}
      aria-label={t(`name.${plan.protocol}`)}
    >
      <div className="protocols__plan-head">
        <h3 className="protocols__plan-name">{t(`name.${plan.protocol}`)}</h3>
        <span>
          {plan.status === "cancelled"
            ? t("status.cancelled", { reason: plan.cancelReason ?? "" })
            : t(`status.${plan.status}`)}
        </span>
      </div>
      <p className="protocols__meta">
        {t(`anchor.${plan.protocol}`)} {formatClockTime(plan.anchorAt, locale, timeZone)} ·{" "}
        {t("startedBy", { time: formatClockTime(plan.startedAt, locale, timeZone), name: plan.startedBy })}
      </p>
      {plan.episodeEnded && running && <p className="protocols__meta">{t("episodeEnded")}</p>}
      <ol className="protocols__steps">
        {steps.map((step) => (
          <StepRow
            key={`${step.stepId}/${step.occurrence}`}
            plan={plan}
            step={step}
            now={now}
            timeZone={timeZone}
            maySign={mayRun && running}
          />
        ))}
      </ol>
      {mayRun && running && <CancelForm plan={plan} />}
    </article>
  );
}

function StepRow({
  plan,
  step,
  now,
  timeZone,
  maySign,
}: {
  readonly plan: TProtocolPlanDto;
  readonly step: TPreparedStep;
  readonly now: number;
  readonly timeZone: string;
  readonly maySign: boolean;
}) {
  const t = useTranslations("protocols");
  const locale = useLocale();
  const name = useStepName();
  const state = useStepState(timeZone);
  const [open, setOpen] = useState(false);
  const tooEarly = step.notBefore && step.earliestAt !== null && now < step.earliestAt;
  const signable = maySign && (step.kind === "pending" || step.kind === "due" || step.kind === "overdue");
  const tone = step.kind === "overdue" ? ` protocols__step--overdue-${step.overduePriority}` : "";
  return (
    <li
      className={`protocols__step protocols__step--${step.kind}${tone}`}
      data-testid="protocol-step"
      data-step={step.stepId}
      data-state={step.kind}
    >
      <span className="protocols__step-name">{name(step)}</span>
      <span className="protocols__step-state">{state(step)}</span>
      {step.finding && <StepFinding finding={step.finding} />}
      {signable && !open && (
        <span className="protocols__step-action">
          {tooEarly && step.earliestAt !== null ? (
            <span className="protocols__meta">
              {t("tooEarly", { time: formatClockTime(step.earliestAt, locale, timeZone) })}
            </span>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setOpen(true)}
              aria-label={t("signTitle", { step: name(step) })}
              data-testid="protocol-sign"
            >
              {t("sign")}
            </button>
          )}
        </span>
      )}
      {open && <SignForm plan={plan} step={step} timeZone={timeZone} onClose={() => setOpen(false)} />}
    </li>
  );
}

/** A signed limb check's finding under its state: an abnormal one in its alarm's colour (medium), with the comment. */
export function StepFinding({ finding }: { readonly finding: NonNullable<TPreparedStep["finding"]> }) {
  const t = useTranslations("protocols.finding");
  return (
    <span
      className={`protocols__step-finding protocols__step-finding--${finding.value}`}
      data-testid="protocol-step-finding"
      data-finding={finding.value}
    >
      {finding.value === "abnormal" ? t("doneAbnormal", { comment: finding.comment ?? "" }) : t("doneNormal")}
    </span>
  );
}
