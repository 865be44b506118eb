import type { ServerResponse } from "node:http";
import { getImportJob } from "@/lib/db/imports/get-import-job";
import { listImportRejections } from "@/lib/db/imports/list-import-rejections";
import { REJECTION_CSV_HEADER, formatRejectionCsv } from "@/lib/imports/format-rejection-csv";
import type { TRouteContext } from "./run-user-import";

/** GET /api/imports/:id/rejections.csv: the job's rejections, streamed as the report's rows. */
export async function rejectionsCsv(o: TRouteContext, res: ServerResponse, jobId: string): Promise<void> {
  const job = await getImportJob({ db: o.db, jobId });
  const name = `${job.fileName.replace(/[^\w.-]+/g, "_")}-rejections.csv`;
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}"`,
  });
  res.write(REJECTION_CSV_HEADER);
  for await (const r of listImportRejections({ db: o.db, jobId })) {
    if (!res.write(formatRejectionCsv(r))) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}
