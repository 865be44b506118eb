import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { actorOf, recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { TImportState, TImportSummary } from "@/lib/db/imports/import-run";
import { runImport } from "@/lib/db/imports/run-import";
import { AppError } from "@/lib/errors/app-error";
import type { TLocalCode } from "@/lib/imports/codes/local-codes";
import type { TImportChunk, ZImportKind } from "@/lib/imports/import-record";
import type { Logger } from "@/lib/log/logger";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import { contextOf, principalOf } from "../auth/auth-gate";

export interface TImportRoutesOptions {
  db: Db;
  /** The server's ObservationWriter: imported readings reach the screens from the change feed as they commit. */
  sink: ReadingSink;
  timeZone: string;
  localCodes: readonly TLocalCode[];
  onProgress?: (state: TImportState) => void;
  log: Logger;
  now?: () => Date;
}

/** The options plus the request being answered: who runs an import is recorded on its job and in the audit trail. */
export type TRouteContext = TImportRoutesOptions & { req: IncomingMessage };

/** Runs an import as the signed-in user (the job's actor is "user:<username>") and audits what it did. */
export async function runUserImport(
  o: TRouteContext,
  args: {
    items: AsyncIterable<TImportChunk> | Iterable<TImportChunk>;
    kind: z.infer<typeof ZImportKind>;
    fileName: string;
    dryRun?: boolean;
    jobId?: string;
    collectOutcomes?: boolean;
    nothingRead?: () => string;
    notText?: () => string | undefined;
  },
): Promise<TImportSummary> {
  const principal = principalOf(o.req);
  if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const summary = await runImport({
    db: o.db,
    sink: o.sink,
    localCodes: o.localCodes,
    onProgress: o.onProgress,
    now: o.now,
    actor: `user:${principal.username}`,
    ...args,
  });
  await recordAuditEvent({
    db: o.db,
    action: "import.run",
    outcome: summary.status === "failed" ? "failure" : "success",
    actor: actorOf(principal),
    context: contextOf(o.req),
    target: { type: "import-job", id: summary.jobId },
    details: {
      kind: args.kind,
      fileName: args.fileName,
      dryRun: args.dryRun ?? false,
      accepted: summary.accepted,
      rejected: summary.rejected,
      duplicate: summary.duplicate,
      ignored: summary.ignored,
    },
  });
  return summary;
}
