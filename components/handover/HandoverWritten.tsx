import { useLocale, useTranslations } from "next-intl";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { CLINICAL_LIMITS } from "@/lib/catalogue";
import type { THandoverContent, THandoverSheetView, TIllnessSeverity, TSeverityReason } from "@/lib/handover";
import { parameterLabel } from "@/lib/handover";
import { formatNumber } from "@/lib/station/prepare-tile";

/**
 * The suggested severity's reasons as sentences: values with their unit's decimals, times in the unit's zone, and the
 * catalogue's limit each was judged against (lib/handover/suggest-severity.ts).
 */
export function SeverityReasons({
  reasons,
  timeZone,
}: {
  readonly reasons: readonly TSeverityReason[];
  readonly timeZone: string;
}) {
  const t = useTranslations("handover");
  const locale = useLocale();
  const when = (x: string | number | undefined) => (typeof x === "number" ? formatDayTime(x, locale, timeZone) : "");
  const num = (x: string | number | undefined, d = 1) =>
    typeof x === "number" ? formatNumber(x, d, locale) : String(x ?? "");
  const { lactateHigh, lactateRaised, lactateRise, ecmoFlowLow, mapLow, nirsLow, nirsDifference } = CLINICAL_LIMITS;
  return (
    <ul className="handover-list" data-testid="handover-severity-reasons">
      {reasons.map((r, i) => {
        const p = r.params;
        const lab = typeof p.code === "string" ? parameterLabel(p.code, locale) : "";
        const text = (() => {
          switch (r.code) {
            case "lactate_high":
              return t("reasons.lactate_high", { value: num(p.value), time: when(p.at), limit: lactateHigh.value });
            case "lactate_raised":
              return t("reasons.lactate_raised", { value: num(p.value), time: when(p.at), limit: lactateRaised.value });
            case "lactate_rising":
              return t("reasons.lactate_rising", { delta: num(p.delta), limit: lactateRise.value });
            case "flow_low":
              return t("reasons.flow_low", { value: num(p.value, 2), time: when(p.at), limit: ecmoFlowLow.value });
            case "map_low":
              return t("reasons.map_low", { value: num(p.value, 0), time: when(p.at), limit: mapLow.value });
            case "balloon_stopped":
              return t("reasons.balloon_stopped", { since: when(p.since) });
            case "nirs_low":
              return t("reasons.nirs_low", {
                side: t(p.side === "left" ? "side.left" : "side.right"),
                value: num(p.value, 0),
                time: when(p.at),
                limit: nirsLow.value,
              });
            case "nirs_asymmetry":
              return t("reasons.nirs_asymmetry", { difference: num(p.difference, 0), limit: nirsDifference.value });
            case "lab_out_of_target":
              return t("reasons.lab_out_of_target", {
                lab,
                value: String(p.value ?? ""),
                status: t(p.status === "low" ? "targetStatus.low" : "targetStatus.high"),
                time: when(p.at),
              });
            case "lab_overdue":
              return t("reasons.lab_overdue", { lab, dueAt: when(p.dueAt) });
            case "settings_changed":
            case "high_alarm_active":
            case "rounds_missed":
            case "abnormal_findings":
              return t(`reasons.${r.code}`, { count: Number(p.count ?? 0) });
            case "alarms_raised":
              return t("reasons.alarms_raised", { high: Number(p.high ?? 0), medium: Number(p.medium ?? 0) });
            case "no_finding":
              return t("reasons.no_finding");
          }
        })();
        return (
          <li key={`${r.code}-${i}`} data-level={r.level}>
            <span className={`handover-severity handover-severity--${r.level}`}>{t(`severity.${r.level}`)}</span> {text}
          </li>
        );
      })}
    </ul>
  );
}

export function SeverityBadge({ severity }: { readonly severity: TIllnessSeverity | null }) {
  const t = useTranslations("handover");
  if (!severity) return <span className="handover-muted">{t("illness.notChosen")}</span>;
  return (
    <span
      className={`handover-severity handover-severity--${severity}`}
      data-testid="handover-severity"
      data-severity={severity}
    >
      {t(`severity.${severity}`)}
    </span>
  );
}

/** The written parts as read (signed sheets, print): what the outgoing nurse wrote, amendments applied. */
export function WrittenSituation({ content }: { readonly content: THandoverContent }) {
  const t = useTranslations("handover");
  return (
    <div data-testid="handover-situation-text">
      <h3>{t("situation.label")}</h3>
      <p className="handover-text">{content.situation || "—"}</p>
      <h3>{t("situation.contingencies")}</h3>
      {content.contingencies.length === 0 ? (
        <p className="handover-muted">{t("situation.none")}</p>
      ) : (
        <ul className="handover-list">
          {content.contingencies.map((c, i) => (
            <li key={i}>
              <strong>{t("situation.if")}</strong> {c.if} <strong>{t("situation.then")}</strong> {c.then}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function WrittenNotes({ content }: { readonly content: THandoverContent }) {
  const t = useTranslations("handover");
  return <p className="handover-text">{content.notes || t("notes.none")}</p>;
}

export function ActionList({
  sheet,
  onDone,
}: {
  readonly sheet: THandoverSheetView;
  readonly onDone?: (actionId: string) => void;
}) {
  const t = useTranslations("handover");
  const locale = useLocale();
  const when = (at: number) => formatDayTime(at, locale, sheet.bed.timeZone);
  if (sheet.actions.length === 0) return <p className="handover-muted">{t("actions.empty")}</p>;
  return (
    <ul className="handover-actions" data-testid="handover-actions">
      {sheet.actions.map((a) => (
        <li key={a.id} data-testid="handover-action" data-done={a.doneAt !== null}>
          <span className="handover-actions__box" aria-hidden="true">
            {a.doneAt !== null ? "☑" : "☐"}
          </span>{" "}
          <span className="handover-actions__text">{a.text}</span>{" "}
          <span className="handover-muted">
            ({t("actions.addedBy", { time: when(a.createdAt), name: a.createdBy.name })}
            {a.carriedOver && <> · {t("actions.carriedOver")}</>}
            {a.doneAt !== null && a.doneBy && (
              <> · {t("actions.doneBy", { time: when(a.doneAt), name: a.doneBy.name })}</>
            )}
            )
          </span>
          {onDone && a.doneAt === null && (
            <button
              type="button"
              className="handover-button handover-button--small no-print"
              onClick={() => onDone(a.id)}
              data-testid="handover-action-done"
            >
              {t("actions.markDone")}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Signatures({ sheet }: { readonly sheet: THandoverSheetView }) {
  const t = useTranslations("handover");
  const locale = useLocale();
  const when = (at: number) => formatDayTime(at, locale, sheet.bed.timeZone);
  return (
    <div className="handover-signatures" data-testid="handover-signatures">
      <p data-testid="handover-signed-out">
        {sheet.signedOut
          ? t("sign.signedOutBy", { time: when(sheet.signedOut.at), name: sheet.signedOut.by.name })
          : t("sign.notSigned")}
      </p>
      <p data-testid="handover-received">
        {sheet.received
          ? t("synthesis.receivedBy", { time: when(sheet.received.at), name: sheet.received.by.name })
          : t("sign.notReceived")}
      </p>
      {sheet.received && (
        <blockquote className="handover-text" data-testid="handover-read-back">
          {sheet.received.readBack}
        </blockquote>
      )}
    </div>
  );
}

export function Amendments({ sheet }: { readonly sheet: THandoverSheetView }) {
  const t = useTranslations("handover");
  const locale = useLocale();
  if (sheet.amendments.length === 0) return null;
  return (
    <section className="handover-section" aria-labelledby="handover-amendments" data-testid="handover-amendments">
      <h2 id="handover-amendments">{t("sections.amendments")}</h2>
      <ul className="handover-list">
        {sheet.amendments.map((a) => (
          <li key={a.id}>
            {t("amend.entry", {
              field: t(`amend.fields.${a.field}`),
              time: formatDayTime(a.at, locale, sheet.bed.timeZone),
              name: a.by.name,
              reason: a.reason,
            })}
            :{" "}
            <span className="handover-text">
              {typeof a.value === "string"
                ? a.field === "illnessSeverity"
                  ? t(`severity.${a.value as TIllnessSeverity}`)
                  : a.value
                : a.value.map((c) => `${t("situation.if")} ${c.if} ${t("situation.then")} ${c.then}`).join(" · ")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
