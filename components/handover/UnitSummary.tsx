import { useTranslations } from "next-intl";
import type { TUnitHandover } from "@/lib/handover";

/**
 * The first page of a unit's printed handover: one line per bed (patient, support, severity, state of its sheet, open
 * actions), so that whoever takes the pile sees the unit at once before its many pages.
 */
export function UnitSummary({ unit }: { readonly unit: TUnitHandover }) {
  const t = useTranslations("handover");
  return (
    <section
      className="handover-print-page handover-summary"
      aria-labelledby="handover-summary-title"
      data-testid="handover-summary"
    >
      <h2 id="handover-summary-title">{t("printPages.summaryTitle")}</h2>
      <table className="handover-table">
        <thead>
          <tr>
            <th scope="col">{t("unit.bed")}</th>
            <th scope="col">{t("unit.patient")}</th>
            <th scope="col">{t("unit.device")}</th>
            <th scope="col">{t("unit.severity")}</th>
            <th scope="col">{t("unit.status")}</th>
            <th scope="col">{t("unit.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {unit.beds.map((bed) => (
            <tr key={bed.bedId}>
              <th scope="row">{bed.label}</th>
              <td>{bed.patientInitials ?? t("unit.emptyBed")}</td>
              <td>
                {bed.deviceType
                  ? t(`deviceType.${bed.deviceType as "VA_ECMO"}`)
                  : bed.patientInitials
                    ? t("unit.noSupport")
                    : ""}
              </td>
              <td>{bed.illnessSeverity ? t(`severity.${bed.illnessSeverity}`) : ""}</td>
              <td>{t(`status.${bed.status}`)}</td>
              <td>{bed.openActions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
