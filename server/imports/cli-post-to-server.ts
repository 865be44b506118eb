import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { readPassword } from "../cli/read-password";
import type { TCliOptions } from "./cli-options";
import { ZServerAnswer, printSummary } from "./cli-print-summary";

/**
 * --server: signs in as `username` (password from STATION_PASSWORD, --password-stdin or a hidden prompt) and streams
 * the file to the running station's POST /api/imports, so that the readings are broadcast as they commit and the job
 * and the audit trail name that user. Resolves to the exit code.
 */
export async function postToServer(server: string, options: TCliOptions, username: string): Promise<number> {
  const password = await readPassword({
    prompt: `Password for ${username}: `,
    envVar: "STATION_PASSWORD",
    fromStdin: options.passwordStdin,
  });
  const signIn = await fetch(new URL("/api/auth/sign-in", server), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!signIn.ok) {
    console.error(`sign-in refused (${signIn.status}): ${JSON.stringify(await signIn.json().catch(() => null))}`);
    return 1;
  }
  // The session cookie, as a browser would send it back (name=value, without its attributes).
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const url = new URL("/api/imports", server);
  url.searchParams.set("fileName", path.basename(options.file));
  url.searchParams.set("dryRun", String(options.dryRun));
  if (options.kind) url.searchParams.set("kind", options.kind);
  if (options.csvTimeZone) url.searchParams.set("csvTimeZone", options.csvTimeZone);
  const body = Readable.toWeb(createReadStream(options.file)) as ReadableStream<Uint8Array>;
  const response = await fetch(url, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/octet-stream", cookie },
  } as RequestInit);
  const json: unknown = await response.json();
  if (!response.ok) {
    console.error(`the server refused the import (${response.status}): ${JSON.stringify(json)}`);
    return 1;
  }
  const summary = ZServerAnswer.parse(json);
  printSummary({ ...summary, fileName: path.basename(options.file) });
  await fetch(new URL("/api/auth/sign-out", server), { method: "POST", headers: { cookie } }).catch(() => undefined);
  return summary.status === "done" ? 0 : 1;
}
