import { useTranslations } from "next-intl";
import type { TAge } from "@/lib/station/describe-age";

/** "2 h ago" under a lab value: labs are hours apart, so their age matters more than their clock time. */
export function LabAge({ code, age }: { readonly code: string; readonly age: TAge }) {
  const t = useTranslations("age");
  return (
    <span className="lab-age" data-testid={`lab-age-${code}`}>
      {age.unit === "now" ? t("now") : t(age.unit, { count: age.count })}
    </span>
  );
}
