import { useTranslations } from "next-intl";
import type { TImportCounts } from "@/lib/imports/import-job";

/** The four outcomes of an import, with the records read. */
export function ImportCounts({ counts }: { readonly counts: TImportCounts }) {
  const t = useTranslations("import.counts");
  return (
    <dl className="import__counts">
      {(["processed", "accepted", "rejected", "duplicate", "ignored"] as const).map((key) => (
        <div key={key} className={`import__count import__count--${key}`}>
          <dt>{t(key)}</dt>
          <dd data-testid={`import-count-${key}`}>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
