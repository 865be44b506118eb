"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState, type DragEvent } from "react";
import { UserMenu } from "@/components/auth/UserMenu";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { fetchImportJobs, postImport } from "@/lib/client/imports-api";
import { useCan } from "@/lib/client/session-user";
import { importKeys } from "@/lib/client/query-keys";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { useImportProgress } from "@/lib/client/use-import-progress";
import { detectImportKind } from "@/lib/imports/detect-import-kind";
import { estimateRecords } from "@/lib/imports/estimate-records";
import type { TImportSummaryDto } from "@/lib/imports/import-job";
import type { TImportKind } from "@/lib/imports/import-record";
import { isLocale } from "@/lib/i18n/locales";
import { readFormDateTime } from "@/lib/time/form-date-time";
import { FilePreview, type TSelectedFile } from "./FilePreview";
import { ImportHistory } from "./ImportHistory";
import { ImportProgressBar } from "./ImportProgressBar";
import { ImportResult } from "./ImportResult";
import { MappingChoice, NO_MAPPING, type TMappingChoice } from "./MappingChoice";
import "./import.css";

/** The preview reads this much of the file: enough for the header, the first rows and an estimate of the total. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The import page: drop a file, see how it will be read (kind, columns, first lines), dry-run it, import it with a
 * progress bar fed by the socket, and find past jobs and their rejection reports in the history.
 */
export function ImportPage() {
  const t = useTranslations("import");
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: importKeys.history(), queryFn: fetchImportJobs });
  const [selected, setSelected] = useState<TSelectedFile | null>(null);
  const [running, setRunning] = useState<{ jobId: string; dryRun: boolean } | null>(null);
  const [result, setResult] = useState<TImportSummaryDto | null>(null);
  const [error, setError] = useState<{ said: string; detail: string } | null>(null);
  const describe = useDescribeRequestError();
  const r = useTranslations("import.result");
  const [dragging, setDragging] = useState(false);
  const [mapping, setMapping] = useState<TMappingChoice>(NO_MAPPING);
  // The mapping's admission time is typed day first in the station's zone (the one this page's times are read in).
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const timeZone = useTimeZone() ?? "UTC";
  const [admittedInvalid, setAdmittedInvalid] = useState(false);
  const progress = useImportProgress(running?.jobId ?? null);
  // A physician may read the history and the rejection reports; importing (a dry run too records a job) is an
  // administrator's, as the server enforces: the page does not offer what would be refused.
  const canRun = useCan("import.run");

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const sample = await file.slice(0, SAMPLE_BYTES).text();
    const detected = detectImportKind({ fileName: file.name, head: sample });
    setResult(null);
    setError(null);
    setSelected({ file, sample, detected, kind: detected ?? "csv" });
  };

  const start = async (dryRun: boolean) => {
    if (!selected || running) return;
    const admittedAt =
      mapping.mapping && mapping.admittedAt.trim() !== ""
        ? readFormDateTime({ text: mapping.admittedAt, locale, timeZone })
        : undefined;
    setAdmittedInvalid(admittedAt === null);
    if (admittedAt === null) return;
    const jobId = newJobId();
    setRunning({ jobId, dryRun });
    setResult(null);
    setError(null);
    try {
      setResult(
        await postImport({
          file: selected.file,
          kind: selected.kind,
          dryRun,
          jobId,
          ...(mapping.mapping
            ? {
                mapping: {
                  mapping: mapping.mapping,
                  patient: mapping.patient.trim(),
                  // Typed in the station's local time; the server wants an instant.
                  admittedAt: admittedAt === undefined ? "" : new Date(admittedAt).toISOString(),
                },
              }
            : {}),
        }),
      );
    } catch (e) {
      // In the page's language; the station's own sentence (why a mapping or a file was refused, in English for the
      // interface team) is kept as a labelled detail.
      setError({ said: describe(e), detail: e instanceof Error ? e.message : String(e) });
    } finally {
      setRunning(null);
      await queryClient.invalidateQueries({ queryKey: importKeys.all });
    }
  };

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  };

  const estimated = selected
    ? estimateRecords({
        kind: selected.kind,
        sample: selected.sample,
        sampleBytes: Math.min(SAMPLE_BYTES, selected.file.size),
        fileBytes: selected.file.size,
      })
    : undefined;

  return (
    <main className="import">
      <header className="import__header">
        <h1>{t("title")}</h1>
        <nav className="import__nav">
          <Link href="/">{t("backHome")}</Link>
          <LanguageSwitch />
          <UserMenu />
        </nav>
      </header>
      <p className="import__intro">{t("intro")}</p>

      {!canRun && (
        <p className="notice" data-testid="import-not-allowed">
          {t("runNotAllowed")}
        </p>
      )}
      {canRun && (
        <>
          <label
            className={`import__drop${dragging ? " import__drop--over" : ""}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="import-drop"
          >
            <span>{t("drop")}</span>
            {/* The browser's own "Choose File" button speaks the browser's language, not the page's: the zone's
                words are the button, the input is there for the keyboard and screen readers. */}
            <input
              type="file"
              className="visually-hidden"
              accept=".hl7,.txt,.json,.csv,.psv"
              onChange={(event) => void choose(event.target.files?.[0])}
              data-testid="import-file"
            />
          </label>

          {selected && (
            <FilePreview
              selected={selected}
              estimated={estimated}
              onKind={(kind: TImportKind) => setSelected({ ...selected, kind })}
            />
          )}

          {selected && <MappingChoice value={mapping} onChange={setMapping} admittedInvalid={admittedInvalid} />}

          {selected && (
            <div className="import__actions">
              <button
                type="button"
                disabled={running !== null}
                onClick={() => void start(true)}
                data-testid="import-dry-run"
              >
                {t("dryRun")}
              </button>
              <button
                type="button"
                className="import__primary"
                disabled={running !== null}
                onClick={() => void start(false)}
                data-testid="import-run"
              >
                {t("run")}
              </button>
            </div>
          )}
        </>
      )}

      {running && <ImportProgressBar progress={progress} estimated={estimated} dryRun={running.dryRun} />}
      {error && (
        <div className="notice" role="alert">
          <p className="notice__title">{t("failed")}</p>
          <p>{error.said}</p>
          {error.detail !== error.said && (
            <details className="import__detail">
              <summary>{r("detail")}</summary>
              <span lang="en">{error.detail}</span>
            </details>
          )}
        </div>
      )}
      {result && <ImportResult result={result} />}

      <ImportHistory jobs={history.data} loading={history.isPending} failed={history.isError} />
    </main>
  );
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, and a ward's station may be served over plain HTTP. */
function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
