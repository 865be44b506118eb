"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { parseCsvMapping } from "@/lib/imports/csv/csv-mapping";
import { SAVED_CSV_MAPPINGS } from "@/lib/imports/csv/saved-mappings";
import { DateTimeField } from "@/components/ui/DateTimeField";

/** What the import sends with a CSV of another shape: a saved mapping's id or a mapping's JSON, and what it needs. */
export interface TMappingChoice {
  /** A saved mapping's id, or the JSON text of one read from a file; null for none. */
  readonly mapping: string | null;
  readonly patient: string;
  /** As typed: day first, the station's local time (components/ui/DateTimeField.tsx); "" for none. */
  readonly admittedAt: string;
}

export const NO_MAPPING: TMappingChoice = { mapping: null, patient: "", admittedAt: "" };
const FROM_FILE = "file";
type SavedKey = "saved.physionet-2019-hourly";

/**
 * Chooses how a CSV of another shape is read (docs/imports.md, "Column mapping"): a mapping the station ships, or one
 * from a JSON file checked here as the server will check it; the patient and the admission time when the mapping
 * takes them from the import.
 */
export function MappingChoice({
  value,
  onChange,
  admittedInvalid,
}: {
  readonly value: TMappingChoice;
  readonly onChange: (next: TMappingChoice) => void;
  /** The admission time typed could not be read (ImportPage checks it before sending). */
  readonly admittedInvalid: boolean;
}) {
  const t = useTranslations("importMapping");
  const [source, setSource] = useState<string>(value.mapping && SAVED_CSV_MAPPINGS[value.mapping] ? value.mapping : "");
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const read = parseCsvMapping(text);
    if (read.ok) {
      setFileNote({
        ok: true,
        text: t("fileRead", { name: read.mapping.name, columns: Object.keys(read.mapping.columns).length }),
      });
      onChange({ ...value, mapping: text });
    } else {
      setFileNote({ ok: false, text: t("fileInvalid", { reason: read.reason }) });
      onChange({ ...value, mapping: null });
    }
  };

  return (
    <fieldset className="import__mapping" data-testid="import-mapping">
      <legend>{t("legend")}</legend>
      <select
        value={source}
        onChange={(event) => {
          const next = event.target.value;
          setSource(next);
          setFileNote(null);
          onChange({ ...value, mapping: next === "" || next === FROM_FILE ? null : next });
        }}
        data-testid="import-mapping-source"
      >
        <option value="">{t("none")}</option>
        {Object.keys(SAVED_CSV_MAPPINGS).map((id) => (
          <option key={id} value={id}>
            {
              // Each saved mapping has its label in the catalogue (importMapping.saved); the name if one is missing.
              t.has(`saved.${id}` as SavedKey) ? t(`saved.${id}` as SavedKey) : (SAVED_CSV_MAPPINGS[id]?.name ?? id)
            }
          </option>
        ))}
        <option value={FROM_FILE}>{t("fromFile")}</option>
      </select>
      {source === FROM_FILE && (
        <label>
          <span>{t("file")}</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => void readFile(event.target.files?.[0])}
            data-testid="import-mapping-file"
          />
        </label>
      )}
      {fileNote && (
        <p
          className={fileNote.ok ? "import__mapping-note" : "import__mapping-note import__mapping-note--bad"}
          role="status"
        >
          {fileNote.text}
        </p>
      )}
      {source !== "" && (
        <div className="import__mapping-context">
          <label>
            <span>{t("patient")}</span>
            <input
              value={value.patient}
              maxLength={64}
              onChange={(event) => onChange({ ...value, patient: event.target.value })}
              data-testid="import-mapping-patient"
            />
          </label>
          <DateTimeField
            label={t("admittedAt")}
            value={value.admittedAt}
            onChange={(text) => onChange({ ...value, admittedAt: text })}
            invalid={admittedInvalid}
            required={false}
            testId="import-mapping-admitted"
          />
        </div>
      )}
      <p className="import__mapping-help">{t("help")}</p>
    </fieldset>
  );
}
