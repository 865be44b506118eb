import { z } from "zod";

/** An import's summary as the CLI prints it: the station's answer to POST /api/imports (--server) is parsed with it. */
export const ZServerAnswer = z.looseObject({
  jobId: z.string(),
  kind: z.string(),
  status: z.string(),
  dryRun: z.boolean(),
  processed: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicate: z.number(),
  ignored: z.number(),
  corrected: z.number(),
  error: z.string().optional(),
  rejections: z.array(z.object({ location: z.string(), field: z.string(), value: z.string(), reason: z.string() })),
});

/** An import's summary as the CLI prints it: the counts, the error if any, and the first rejections. */
export function printSummary(s: z.infer<typeof ZServerAnswer> & { fileName: string }): void {
  console.log(`${s.dryRun ? "DRY RUN (nothing stored) " : ""}${s.fileName} as ${s.kind}: job ${s.jobId} ${s.status}`);
  console.log(
    `  processed ${s.processed}  accepted ${s.accepted}${s.corrected ? ` (${s.corrected} corrected)` : ""}  rejected ${s.rejected}  duplicate ${s.duplicate}  ignored ${s.ignored}`,
  );
  if (s.error) console.log(`  ${s.error}`);
  for (const r of s.rejections.slice(0, 20)) console.log(`  ✗ ${r.location} ${r.field} "${r.value}": ${r.reason}`);
  if (s.rejected > 20)
    console.log(
      `  … ${s.rejected - 20} more in the report (--report file.csv, or GET /api/imports/${s.jobId}/rejections.csv)`,
    );
}
