import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { THandoverSheetView } from "@/lib/handover";
import { HandoverDataSections } from "./HandoverDataSections";
import {
  ActionList,
  Amendments,
  SeverityBadge,
  SeverityReasons,
  Signatures,
  WrittenNotes,
  WrittenSituation,
} from "./HandoverWritten";
import { PrintRunningHead } from "./PrintRunningHead";
import { ShiftTitle } from "./ShiftTitle";
import { SignedProtocolSteps } from "./SignedProtocolSteps";
import { ProtocolStepList } from "@/components/protocols/ProtocolStepList";

export type THandoverSlot = "illness" | "actions" | "situation" | "synthesis" | "notes" | "signOff";

/**
 * One bed's sheet in the I-PASS order (docs/clinical-reference.md §8), read-only. The sheet page passes editors as
 * slots for the written parts; the read-only text then still prints (print-only), so that a printed draft shows what
 * was saved rather than empty form fields.
 */
export function HandoverDocument({
  sheet,
  slots = {},
  header,
  printPage = "sheet",
}: {
  readonly sheet: THandoverSheetView;
  readonly slots?: Partial<Record<THandoverSlot, ReactNode>>;
  readonly header?: ReactNode;
  /** The name of this sheet's printed pages (an identifier), whose margins carry its bed, patient and shift. */
  readonly printPage?: string;
}) {
  const t = useTranslations("handover");
  const locale = useLocale();
  const tz = sheet.bed.timeZone;
  const slot = (name: THandoverSlot, readOnly: ReactNode) =>
    slots[name] ? (
      <>
        <div className="no-print">{slots[name]}</div>
        <div className="print-only">{readOnly}</div>
      </>
    ) : (
      readOnly
    );
  const data = sheet.data;
  return (
    <article
      className="handover-sheet"
      data-testid="handover-sheet"
      data-status={sheet.status}
      data-bed={sheet.bed.id}
      data-print-page={printPage}
    >
      <PrintRunningHead sheet={sheet} pageName={printPage} />
      <header className="handover-sheet__header">
        {header}
        <h1 data-testid="handover-title">{t("title", { label: sheet.bed.label })}</h1>
        <p className="handover-sheet__shift">
          <ShiftTitle shift={sheet.shift} timeZone={tz} /> · {sheet.bed.unitName} ·{" "}
          <span className={`handover-status handover-status--${sheet.status}`} data-testid="handover-status">
            {t(`status.${sheet.status}`)}
          </span>
        </p>
        {data && (
          <p className="handover-muted" data-testid="handover-covers">
            {t("dataUntil", {
              from: formatDayTime(data.coversFrom, locale, tz),
              until: formatDayTime(data.coversUntil, locale, tz),
            })}{" "}
            — {sheet.frozen ? t("frozenNote") : t("liveNote")}
          </p>
        )}
      </header>
      {!data ? (
        <p className="handover-unavailable">{t("emptyBed")}</p>
      ) : (
        <>
          <section className="handover-section" aria-labelledby="handover-illness" data-testid="handover-illness">
            <h2 id="handover-illness">{t("sections.illness")}</h2>
            <p>
              {t("illness.suggested", { severity: t(`severity.${data.severity.suggested}`) })}{" "}
              <span className="visually-hidden">{t("illness.reasonsTitle")}</span>
            </p>
            <SeverityReasons reasons={data.severity.reasons} timeZone={tz} />
            {slot(
              "illness",
              <p>
                {t("illness.chosen")}: <SeverityBadge severity={sheet.inForce.illnessSeverity} />
              </p>,
            )}
          </section>
          <HandoverDataSections data={data} timeZone={tz} />
          <section
            className="handover-section"
            aria-labelledby="handover-actions-title"
            data-testid="handover-action-section"
          >
            <h2 id="handover-actions-title">{t("sections.actions")}</h2>
            {slot("actions", <ActionList sheet={sheet} />)}
            {/* Live from the bed's timers while a draft; once signed, the steps pending at the signature, as frozen
                then, with a link to the live panel for the nurse receiving it. */}
            {sheet.frozen ? (
              <SignedProtocolSteps
                pending={data.protocolSteps}
                bedId={sheet.bed.id}
                timeZone={tz}
                live={sheet.status === "signed_out"}
              />
            ) : (
              <ProtocolStepList bedId={sheet.bed.id} timeZone={tz} which="open" />
            )}
          </section>
          <section className="handover-section" aria-labelledby="handover-situation" data-testid="handover-situation">
            <h2 id="handover-situation">{t("sections.situation")}</h2>
            {slot("situation", <WrittenSituation content={sheet.inForce} />)}
          </section>
          <section className="handover-section" aria-labelledby="handover-notes">
            <h2 id="handover-notes">{t("sections.notes")}</h2>
            {slot("notes", <WrittenNotes content={sheet.inForce} />)}
          </section>
          <section className="handover-section" aria-labelledby="handover-synthesis" data-testid="handover-synthesis">
            <h2 id="handover-synthesis">{t("sections.signatures")}</h2>
            <Signatures sheet={sheet} />
            {slots.synthesis && <div className="no-print">{slots.synthesis}</div>}
            {slots.signOff && <div className="no-print">{slots.signOff}</div>}
          </section>
          <Amendments sheet={sheet} />
        </>
      )}
    </article>
  );
}
