"use client";

import { useTranslations } from "next-intl";
import type { TImportProgress } from "@/lib/realtime/events";

/**
 * The running job's progress as the socket reports it after each committed batch. Against an estimated total the bar
 * is determinate (never shown full before the job says it is done); without one it is indeterminate.
 */
export function ImportProgressBar({
  progress,
  estimated,
  dryRun,
}: {
  readonly progress: TImportProgress | null;
  readonly estimated: number | undefined;
  readonly dryRun: boolean;
}) {
  const t = useTranslations("import.progress");
  const processed = progress?.processed ?? 0;
  const done = progress !== null && progress.status !== "running";
  const value = done ? 1 : estimated ? Math.min(processed / estimated, 0.99) : undefined;
  return (
    <section className="import__progress" aria-live="polite" data-testid="import-progress">
      <p>{dryRun ? t("dryRunning") : t("running")}</p>
      <progress max={1} value={value} aria-label={t("label")} />
      <p className="import__progress-counts">
        {estimated ? t("countsOf", { processed, estimated }) : t("counts", { processed })}
        {progress &&
          ` · ${t("accepted", { count: progress.accepted })} · ${t("rejected", { count: progress.rejected })}`}
      </p>
    </section>
  );
}
