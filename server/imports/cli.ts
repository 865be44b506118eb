// `npm run import -- <file> [--kind hl7|fhir|csv|mimic] [--dry-run] [--codes local-codes.json] [--time-zone
// Europe/Paris]
//  [--csv-time-zone UTC] [--report rejections.csv] [--server http://127.0.0.1:3000 --user name [--password-stdin]]
//  [--actor name] [--batch-size n] [--stats] [--mapping mapping.json [--patient id] [--admitted-at 2026-01-01T08:00Z]]`
//
// By default the CLI opens the database of DATABASE_URL and writes through the same write path as the server (same
// validation, same batches, same idempotency), without sockets: screens that are open show the readings on their
// next snapshot or replay, not live; the import is audited with the actor "cli:<os user>". With --server it signs in
// as --user (an admin: imports need the import.run right; password from STATION_PASSWORD, --password-stdin or a
// hidden prompt) and streams the file to the running station's POST /api/imports, so the readings are broadcast as
// they commit and the job and the audit trail name that user.
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { parseCsvMapping } from "@/lib/imports/csv/csv-mapping";
import type { TReadImportSourceOptions } from "@/lib/imports/read-import-source";
import { importToDatabase } from "./cli-import-to-database";
import { USAGE, parseCliOptions } from "./cli-options";
import { postToServer } from "./cli-post-to-server";

async function main(): Promise<number> {
  const parsed = parseCliOptions(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    return 2;
  }
  const { options } = parsed;
  let mapping: TReadImportSourceOptions["mapping"];
  if (options.mapping) {
    const read = parseCsvMapping(await readFile(options.mapping, "utf8"));
    if (!read.ok) {
      console.error(`${options.mapping}: not a column mapping: ${read.reason}`);
      return 2;
    }
    mapping = {
      mapping: read.mapping,
      ...(options.patient ? { patient: options.patient } : {}),
      ...(options.admittedAt ? { admittedAt: new Date(options.admittedAt) } : {}),
    };
    if (options.server) {
      console.error(`--mapping works in the CLI's default mode only, not with --server`);
      return 2;
    }
  }
  if (options.server) {
    if (!options.user) {
      console.error(`--server needs --user: the station imports only for a signed-in user allowed to.\n${USAGE}`);
      return 2;
    }
    return postToServer(options.server, options, options.user);
  }
  const actor = options.actor ?? `cli:${userInfo().username}`;
  return importToDatabase({ options, mapping, actor, moduleDir: import.meta.dirname });
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
