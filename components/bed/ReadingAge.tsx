import { useTranslations } from "next-intl";
import type { TReadingAge } from "@/lib/bed/describe-reading-age";

/** "12 s ago", "3 h ago": every value on the bed view says how old it is. */
export function ReadingAge({ age, testId }: { readonly age: TReadingAge | null; readonly testId?: string }) {
  const t = useTranslations("bed.age");
  if (age === null) return null;
  return (
    <span className="reading-age" data-testid={testId}>
      {age.unit === "now" ? t("now") : t(age.unit, { count: age.count })}
    </span>
  );
}
