import { z } from "zod";
import { ZImportJobDto, ZImportSummaryDto, type TImportJobDto, type TImportSummaryDto } from "@/lib/imports/import-job";
import type { TImportKind } from "@/lib/imports/import-record";
import { NO_ANSWER, RequestError, requestErrorOf } from "./request-error";

const ZHistory = z.object({ jobs: z.array(ZImportJobDto) });

/** The import history, latest first. */
export async function fetchImportJobs(): Promise<TImportJobDto[]> {
  const response = await fetch("/api/imports?limit=50", { cache: "no-store" });
  if (!response.ok) throw new Error(`history: HTTP ${response.status}`);
  return ZHistory.parse(await response.json()).jobs;
}

export interface TPostImport {
  file: File;
  kind: TImportKind;
  dryRun: boolean;
  /** Chosen here so that the page can follow the job's progress on the socket before the answer comes. */
  jobId: string;
  /** A CSV of another shape: a saved mapping's id or a mapping's JSON, with the patient and admission time. */
  mapping?: { mapping: string; patient?: string; admittedAt?: string };
}

/** Sends a file as the raw body (the browser streams it) and returns the job's summary once it has finished. */
export async function postImport({ file, kind, dryRun, jobId, mapping }: TPostImport): Promise<TImportSummaryDto> {
  const query = new URLSearchParams({ kind, dryRun: String(dryRun), fileName: file.name.slice(0, 255), jobId });
  if (mapping) {
    query.set("mapping", mapping.mapping);
    if (mapping.patient) query.set("patient", mapping.patient);
    if (mapping.admittedAt) query.set("admittedAt", mapping.admittedAt);
  }
  const response = await fetch(`/api/imports?${query.toString()}`, {
    method: "POST",
    body: file,
    headers: { "content-type": "application/octet-stream" },
  }).catch((error: unknown) => {
    throw new RequestError(NO_ANSWER, "NETWORK", error instanceof Error ? error.message : String(error));
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw requestErrorOf(response.status, body);
  return ZImportSummaryDto.parse(body);
}
