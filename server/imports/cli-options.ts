import { parseArgs } from "node:util";
import { z } from "zod";
import { ZImportKind } from "@/lib/imports/import-record";
import { isTimeZone } from "@/lib/time/zoned-time";
import { MAX_READINGS_PER_BULK_COMMIT } from "@/lib/db/observations/insert-observations";

export const ZCliOptions = z.object({
  file: z.string().min(1),
  kind: ZImportKind.optional(),
  dryRun: z.boolean(),
  codes: z.string().optional(),
  timeZone: z.string().refine(isTimeZone, "not an IANA time zone").optional(),
  csvTimeZone: z.string().refine(isTimeZone, "not an IANA time zone").optional(),
  report: z.string().optional(),
  server: z.url().optional(),
  user: z.string().min(1).max(64).optional(),
  passwordStdin: z.boolean(),
  actor: z.string().min(1).max(200).optional(),
  batchSize: z.coerce.number().int().min(1).max(MAX_READINGS_PER_BULK_COMMIT).optional(),
  stats: z.boolean(),
  mapping: z.string().optional(),
  patient: z.string().min(1).max(64).optional(),
  admittedAt: z.iso.datetime({ offset: true, local: false }).optional(),
});
export type TCliOptions = z.infer<typeof ZCliOptions>;

export const USAGE =
  "usage: npm run import -- <file> [--kind hl7|fhir|csv|mimic] [--dry-run] [--codes file.json] [--time-zone Zone] [--csv-time-zone Zone] [--report out.csv] [--server url --user name [--password-stdin]] [--actor name] [--batch-size n] [--stats] [--mapping mapping.json [--patient id] [--admitted-at ISO time with offset]]";

/** The command line read and checked: the options, or what is wrong with them followed by the usage (exit code 2). */
export function parseCliOptions(
  args: readonly string[],
): { ok: true; options: TCliOptions } | { ok: false; message: string } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        codes: { type: "string" },
        "time-zone": { type: "string" },
        "csv-time-zone": { type: "string" },
        report: { type: "string" },
        server: { type: "string" },
        user: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        actor: { type: "string" },
        "batch-size": { type: "string" },
        stats: { type: "boolean", default: false },
        mapping: { type: "string" },
        patient: { type: "string" },
        "admitted-at": { type: "string" },
      },
    });
    const options = ZCliOptions.parse({
      file: positionals[0],
      kind: values.kind,
      dryRun: values["dry-run"],
      codes: values.codes,
      timeZone: values["time-zone"],
      csvTimeZone: values["csv-time-zone"],
      report: values.report,
      server: values.server,
      user: values.user,
      passwordStdin: values["password-stdin"],
      actor: values.actor,
      batchSize: values["batch-size"],
      stats: values.stats,
      mapping: values.mapping,
      patient: values.patient,
      admittedAt: values["admitted-at"],
    });
    return { ok: true, options };
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
        : String(error);
    return { ok: false, message: `${message}\n${USAGE}` };
  }
}
