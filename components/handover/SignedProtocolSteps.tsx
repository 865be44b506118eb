import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDayTime, formatHourMinute } from "@/lib/bed/format-date-time";
import type { TPendingProtocolStep, TPendingProtocolSteps } from "@/lib/handover";
import { protocolById } from "@/lib/protocols/protocols";

/**
 * The protocol steps pending when the sheet was signed out (issue 15, item 5), as they were handed over: a signed
 * sheet is the record, so it keeps them rather than reading the bed's timers now (the draft's ProtocolStepList).
 * Times in the unit's zone with their day (the flat rest ends the next day); an overdue step carries a word and a
 * mark, not only a colour, so that a black-and-white print loses nothing. `live` adds a link to the bed's panel,
 * where the steps stand now, for the nurse receiving the sheet (never printed).
 */
export function SignedProtocolSteps({
  pending,
  bedId,
  timeZone,
  live,
}: {
  /** Undefined on a sheet signed before the steps were kept with the signature. */
  readonly pending: TPendingProtocolSteps | undefined;
  readonly bedId: string;
  readonly timeZone: string;
  readonly live: boolean;
}) {
  const t = useTranslations("handover.protocolSteps");
  const locale = useLocale();
  const describe = useStepWords(timeZone);
  if (!pending)
    return (
      <p className="handover-muted" data-testid="handover-protocol-steps-unrecorded">
        {t("notRecorded")}
      </p>
    );
  return (
    <section
      className="handover-protocol-steps"
      aria-labelledby="handover-protocol-steps-title"
      data-testid="handover-protocol-steps"
    >
      <h3 id="handover-protocol-steps-title">{t("title", { time: formatHourMinute(pending.at, locale, timeZone) })}</h3>
      {pending.steps.length === 0 ? (
        <p className="handover-muted">{t("none")}</p>
      ) : (
        <ul className="handover-list">
          {pending.steps.map((step, i) => {
            const words = describe(step);
            return (
              // Two plans may list the same step (a protocol started twice on one stay): the position is the key.
              <li key={i} data-state={step.state}>
                {words.name} —{" "}
                {step.state === "overdue" ? <span className="handover-flag">{words.state}</span> : words.state}
              </li>
            );
          })}
        </ul>
      )}
      {live && (
        <p className="no-print">
          <Link href={`/beds/${encodeURIComponent(bedId)}`}>{t("live")}</Link>
        </p>
      )}
    </section>
  );
}

/** A kept step in words: "IABP weaning: Ratio 1:2 set and reviewed" and "due by 18/11 20:00"; never its ids. */
function useStepWords(timeZone: string): (step: TPendingProtocolStep) => { name: string; state: string } {
  const t = useTranslations("handover.protocolSteps");
  const p = useTranslations("protocols");
  const locale = useLocale();
  const when = (at: number | null) => (at === null ? "" : formatDayTime(at, locale, timeZone));
  return (step) => {
    const protocolKey = `name.${step.protocol}` as "name.iabp-weaning";
    const stepKey = `step.${step.stepId}` as "step.ratio-1-2";
    const repeats = protocolById(step.protocol)?.steps.find((s) => s.id === step.stepId)?.repeatEveryMs !== undefined;
    const stepName = p.has(stepKey) ? p(stepKey) : t("unknownStep");
    const name = t("step", {
      protocol: p.has(protocolKey) ? p(protocolKey) : t("unknownProtocol"),
      step: repeats ? `${stepName}, ${p("occurrence", { n: step.occurrence })}` : stepName,
    });
    const latest = when(step.latestAt);
    switch (step.state) {
      case "waiting":
        return { name, state: t("waiting") };
      case "pending":
        return { name, state: t("pending", { earliest: when(step.earliestAt), latest }) };
      case "due":
        return { name, state: t("due", { latest }) };
      case "overdue":
        return { name, state: t("overdue", { latest, priority: step.overduePriority }) };
    }
  };
}
