"use client";

import { useTranslations } from "next-intl";
import { IMPORT_KINDS, type TImportKind } from "@/lib/imports/import-record";
import { missingColumns } from "@/lib/imports/csv/csv-presets";

export interface TSelectedFile {
  readonly file: File;
  /** The beginning of the file, read in the browser for the preview. */
  readonly sample: string;
  readonly detected: TImportKind | undefined;
  readonly kind: TImportKind;
}

const PREVIEW_LINES = 12;

/** How the file will be read: its kind (detected, changeable), for CSV which columns are found, and its first lines. */
export function FilePreview({
  selected,
  estimated,
  onKind,
}: {
  readonly selected: TSelectedFile;
  readonly estimated: number | undefined;
  readonly onKind: (kind: TImportKind) => void;
}) {
  const t = useTranslations("import.preview");
  const lines = selected.sample
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .slice(0, PREVIEW_LINES);
  const header = (lines[0] ?? "").split(",").map((c) => c.replace(/^"|"$/g, "").trim());
  const isCsv = selected.kind === "csv" || selected.kind === "mimic";
  const missing = isCsv ? missingColumns(selected.kind === "mimic" ? "mimic" : "generic", header) : undefined;

  return (
    <section className="import__preview" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h2 id="import-preview-title">{t("title")}</h2>
      <dl className="import__facts">
        <dt>{t("file")}</dt>
        <dd>
          {selected.file.name} · {t("size", { kb: Math.max(1, Math.round(selected.file.size / 1024)) })}
        </dd>
        <dt>
          <label htmlFor="import-kind">{t("kind")}</label>
        </dt>
        <dd>
          <select
            id="import-kind"
            value={selected.kind}
            onChange={(event) => onKind(event.target.value as TImportKind)}
            data-testid="import-kind"
          >
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>{" "}
          {selected.detected ? t("detected", { kind: t(`kinds.${selected.detected}`) }) : t("notDetected")}
        </dd>
        {estimated !== undefined && (
          <>
            <dt>{t("records")}</dt>
            <dd>{t("estimated", { count: estimated })}</dd>
          </>
        )}
        {isCsv && (
          <>
            <dt>{t("columns")}</dt>
            <dd data-testid="import-columns">{missing ?? t("columnsOk", { columns: header.join(", ") })}</dd>
          </>
        )}
      </dl>
      <p className="import__mapping">{t(`mapping.${selected.kind}`)}</p>
      <pre className="import__sample">{lines.join("\n")}</pre>
    </section>
  );
}
