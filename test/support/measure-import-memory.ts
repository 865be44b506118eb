// Run by server/imports/import-memory.test.ts in a process of its own, with --expose-gc: imports a 20,000-OBX HL7
// message and 100,000 CSV rows for unknown patients through the station's write path and prints, as one JSON line,
// how much live heap each import held above what the process held before it (sampled after a full collection every
// SAMPLE_MS, so garbage not yet collected does not count) and how much was still held after it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { importFile } from "@/server/imports/import-file";
import { EpisodeDirectory } from "@/server/ingest/episode-directory";
import { ObservationWriter } from "@/server/ingest/observation-writer";
import { createTestDb } from "./create-test-db";
import { seedImportPatients } from "./seed-import-patients";

const OBX = Number(process.env.MEMORY_OBX ?? "20000");
const UNKNOWN_ROWS = Number(process.env.MEMORY_UNKNOWN_ROWS ?? "100000");
const SAMPLE_MS = 50;

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error("run with --expose-gc");
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const t = await createTestDb();
await seedImportPatients(t.db, [{ identifier: "MRN-1", episodeStartedAt: new Date("2026-01-01T00:00:00Z") }]);
const dir = path.dirname(t.path);
const start = Date.parse("2026-01-02T00:00:00Z");
const hl7Time = (ms: number) => `${new Date(ms).toISOString().replace(/[-:T]/g, "").slice(0, 14)}+0000`;

// One message: MSH, PID, OBR and OBX OBX segments, a lactate a minute.
const segments = [
  `MSH|^~\\&|LAB|HOSP|STATION|ICU|${hl7Time(start)}||ORU^R01|BIG-1|P|2.5.1`,
  "PID|||MRN-1^^^HOSP^MR",
  `OBR|1|ORD-1|FIL-1|LAB|||${hl7Time(start)}`,
];
for (let i = 1; i <= OBX; i++)
  segments.push(
    `OBX|${i}|NM|2524-7^Lactate^LN||${(1 + (i % 50) / 10).toFixed(1)}|mmol/L|||||F|||${hl7Time(start + i * 60_000)}`,
  );
writeFileSync(path.join(dir, "big.hl7"), segments.join("\r"));
segments.length = 0;
// Every row names a patient the station does not know: every row is a rejection.
const rows = ["patient_id,parameter,value,unit,observed_at"];
for (let i = 0; i < UNKNOWN_ROWS; i++)
  rows.push(`UNKNOWN-${i},ecmo_flow,3.5,L/min,${new Date(start + i * 1_000).toISOString()}`);
writeFileSync(path.join(dir, "unknown.csv"), rows.join("\n"));
rows.length = 0;

const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db) });
const baseline = liveHeap();
const results: Record<string, unknown> = {};
for (const file of ["big.hl7", "unknown.csv"]) {
  const before = liveHeap();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), SAMPLE_MS);
  const summary = await importFile({
    db: t.db,
    sink: writer,
    filePath: path.join(dir, file),
    timeZone: "UTC",
    actor: "memory-test",
  });
  clearInterval(sampler);
  results[file] = {
    status: summary.status,
    processed: summary.processed,
    accepted: summary.accepted,
    rejected: summary.rejected,
    rejectionsKept: summary.rejections.length,
    heldDuringMb: Math.round(peak - before),
    heldAfterMb: Math.round(liveHeap() - before),
  };
}
results.heldAtEndMb = Math.round(liveHeap() - baseline);
await writer.drain();
await t.cleanup();
process.stdout.write(`${JSON.stringify(results)}\n`);
