import { useTranslations } from "next-intl";
import type { THandoverSheetView, TUnitHandover } from "@/lib/handover";
import { HandoverDocument } from "./HandoverDocument";
import { PrintButton } from "./PrintButton";
import { ShiftTitle } from "./ShiftTitle";
import { UnitSummary } from "./UnitSummary";
import "./handover.css";

/**
 * The unit's handover for print: a cover line and, when there is more than one sheet, a one-page summary of every
 * bed; then each bed's sheet from a new page, each of its pages headed with its bed, patient and shift.
 */
export function UnitHandoverPrint({
  unit,
  sheets,
}: {
  readonly unit: TUnitHandover;
  readonly sheets: readonly THandoverSheetView[];
}) {
  const t = useTranslations("handover");
  return (
    <main className="handover-page handover-page--print">
      <header className="handover-sheet__header">
        <h1>{t("unitTitle", { unit: unit.unit.name })}</h1>
        <p>
          <ShiftTitle shift={unit.shift} timeZone={unit.unit.timeZone} /> · {t("unit.counts", unit.counts)}
        </p>
        <PrintButton />
      </header>
      {sheets.length > 1 && <UnitSummary unit={unit} />}
      {sheets.map((sheet, index) => (
        <div className="handover-print-page" key={sheet.bed.id}>
          <HandoverDocument sheet={sheet} printPage={`sheet-${index + 1}`} />
        </div>
      ))}
    </main>
  );
}
