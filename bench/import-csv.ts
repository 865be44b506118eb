import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TReadingInput } from "@/lib/observations/reading";
import { EpisodeDirectory } from "@/server/ingest/episode-directory";
import { ObservationWriter } from "@/server/ingest/observation-writer";
import { importFile } from "@/server/import/import-file";
import { createTestDb } from "@/server/testing/create-test-db";
import { seedImportPatients } from "@/server/testing/seed-import-patients";
import { BENCH_PARAMETERS } from "./world";

const PATIENTS = 64;

/** 64 patients × 12 device parameters, one reading a row, one second apart per patient and parameter. */
const GENERATOR = `
const [file, rows, start, parameters, patients] = process.argv.slice(1);
const out = require("node:fs").createWriteStream(file);
const P = JSON.parse(parameters);
let i = 0;
function write() {
  let ok = true;
  while (i < Number(rows) && ok) {
    const [parameter, unit, value] = P[i % P.length];
    const patient = Math.floor(i / P.length) % Number(patients);
    const second = Math.floor(i / (P.length * Number(patients)));
    ok = out.write(\`BENCH-\${patient + 1},\${parameter},\${value + (i % 7) / 10},\${unit},\${new Date(Number(start) + second * 1000).toISOString()}\\n\`);
    i++;
  }
  if (i < Number(rows)) out.once("drain", write); else out.end();
}
out.write("patient_id,parameter,value,unit,observed_at\\n");
write();
`;

/**
 * A generated CSV of `rows` readings (64 patients × the 12 device parameters, one row a reading, distinct times)
 * imported through the CLI's path: streamed CSV → mapping → patient match → validation → duplicate look-up →
 * ObservationWriter in batches of 3,000 → SQLite. Prints rows per second and the peak RSS while importing, and how much
 * of the time the write path (ObservationWriter.submit) took, so that a bottleneck is named with a number.
 */
export async function benchImportCsv(rows: number): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  const file = path.join(dir, "readings.csv");
  const start = Date.now() - 30 * 86_400_000;
  // Written by a child process, so that the garbage of writing a million lines does not count in this one's memory.
  const generated = spawnSync(process.execPath, ["-e", GENERATOR, file, String(rows), String(start), JSON.stringify(BENCH_PARAMETERS), String(PATIENTS)], { stdio: "inherit" });
  if (generated.status !== 0) throw new Error("could not generate the CSV");

  const t = await createTestDb();
  await seedImportPatients(
    t.db,
    Array.from({ length: PATIENTS }, (_, i) => ({ identifier: `BENCH-${i + 1}`, episodeStartedAt: new Date(start - 86_400_000) })),
  );
  const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), onCommitted: () => {} });
  let submitMs = 0;
  const sink = {
    submit: async (readings: readonly TReadingInput[]) => {
      const began = performance.now();
      const results = await writer.submit(readings);
      submitMs += performance.now() - began;
      return results;
    },
  };

  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  const summary = await importFile({ db: t.db, sink, filePath: file, kind: "csv", actor: "bench", timeZone: "UTC", batchSize: 3_000 });
  const ms = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await writer.drain();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });

  return {
    rows,
    status: summary.status,
    accepted: summary.accepted,
    seconds: Number((ms / 1000).toFixed(1)),
    rowsPerSec: Math.round((rows / ms) * 1000),
    // On a shared machine the wall clock counts other processes' turns; the CPU this process used does not.
    cpuSeconds: `${((cpu.user + cpu.system) / 1e6).toFixed(1)} (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)})`,
    rowsPerCpuSec: Math.round(rows / ((cpu.user + cpu.system) / 1e6)),
    peakRssMb: Math.round(peak / 1e6),
    rssBeforeImportMb: Math.round(rssBefore / 1e6),
    writePathShare: `${Math.round((submitMs / ms) * 100)} % (${(submitMs / 1000).toFixed(1)} s in ObservationWriter.submit)`,
    importerRowsPerSecWithoutWritePath: Math.round((rows / (ms - submitMs)) * 1000),
  };
}
