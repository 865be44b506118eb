import { useTranslations } from "next-intl";
import type { THandoverSheetView, TUnitHandover } from "@/lib/handover";
import { HandoverDocument } from "./HandoverDocument";
import { PrintButton } from "./PrintButton";
import { ShiftTitle } from "./ShiftTitle";
import "./handover.css";

/** The unit's handover for print: a cover line, then one sheet per page. */
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
      {sheets.map((sheet) => (
        <div className="handover-print-page" key={sheet.bed.id}>
          <HandoverDocument sheet={sheet} />
        </div>
      ))}
    </main>
  );
}
