import { useLocale, useTranslations } from "next-intl";
import type { TShiftRef } from "@/lib/handover";

/** "Night shift 28/03/2026, 19:00–07:00": known shift names translated, others as the unit typed them. */
export function useShiftText(): (shift: TShiftRef, timeZone: string) => string {
  const t = useTranslations("handover");
  const locale = useLocale();
  return (shift, timeZone) => {
    const name = shift.name === "day" || shift.name === "night" ? t(`shiftName.${shift.name}`) : shift.name;
    const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      timeZone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }).format(shift.startsAt);
    return t("shiftLabel", { name, date, start: shift.startTime, end: shift.endTime });
  };
}

export function ShiftTitle({ shift, timeZone }: { readonly shift: TShiftRef; readonly timeZone: string }) {
  const text = useShiftText();
  return (
    <span data-testid="handover-shift" data-shift={shift.key}>
      {text(shift, timeZone)}
    </span>
  );
}
