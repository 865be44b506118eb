import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TImportKind } from "@/lib/imports/import-record";
import { EpisodeDirectory } from "@/server/ingest/episode-directory";
import { ObservationWriter } from "@/server/ingest/observation-writer";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { importFile } from "./import-file";

/** A file that gives no record says why, in the summary and in the job the import page shows. */
let t: TestDb;
let dir: string;
let writer: ObservationWriter;
beforeEach(async () => {
  t = await createTestDb();
  dir = mkdtempSync(path.join(tmpdir(), "import-file-"));
  writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db) });
});
afterEach(async () => {
  await writer.drain();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const cases: { name: string; file: string; content: string | Buffer; kind?: TImportKind; reason: RegExp }[] = [
  { name: "an empty HL7 file", file: "empty.hl7", content: "", reason: /empty \(0 bytes\)/ },
  { name: "an empty CSV file", file: "empty.csv", content: "", reason: /empty/ },
  {
    name: "a binary file taken for CSV",
    file: "scan.csv",
    content: PNG,
    reason: /not text \(a binary byte at offset 6\)/,
  },
  {
    name: "Latin-1 bytes taken for HL7",
    file: "latin1.hl7",
    content: Buffer.from("MSH|^~\\&|LAB|\xe9\r", "latin1"),
    reason: /not text/,
  },
  {
    name: "a CSV file with its header only (cut before its first row)",
    file: "cut.csv",
    content: "patient_id,parameter,value,unit,observed_at\n",
    reason: /no data row/,
  },
  {
    name: "a text file with no HL7 message",
    file: "notes.hl7",
    content: "these are not results\n",
    kind: "hl7",
    reason: /no HL7 message with results/,
  },
];

describe("importFile of a file with nothing usable", () => {
  it.each(cases)("$name fails with the reason", async ({ file, content, kind, reason }) => {
    const filePath = path.join(dir, file);
    writeFileSync(filePath, content);
    const summary = await importFile({ db: t.db, sink: writer, filePath, kind, timeZone: "UTC", actor: "test" });
    expect(summary).toMatchObject({ status: "failed", accepted: 0 });
    expect(summary.error).toMatch(reason);
    const job = await t.db.importJob.findUniqueOrThrow({ where: { id: summary.jobId } });
    expect(job).toMatchObject({ status: "failed" });
    expect(job.error).toMatch(reason);
  });
});
