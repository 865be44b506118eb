import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/server/migrate";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { BENCH_PARAMETERS } from "./world";

const PATIENTS = 64;
const ROOT = path.resolve(import.meta.dirname, "..");

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

const IMPORT_SCRIPT =
  (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
    .import ?? "";

const ZERO = { rssKb: 0, hwmKb: 0, cpuTicks: 0 };

/** The child's resident memory, its high-water mark (the kernel's own peak, not a sample) and its CPU ticks. */
function readProc(pid: number): typeof ZERO | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    // Fields 14 and 15 of stat (utime, stime), counted here after the command name's ") ".
    return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM"), cpuTicks: Number(stat[11] ?? 0) + Number(stat[12] ?? 0) };
  } catch {
    return undefined; // the process has exited
  }
}

/**
 * A generated CSV of `rows` readings (64 patients × the 12 device parameters, one row a reading, distinct times)
 * imported by the CLI as a user runs it (`npm run import -- file.csv`: package.json's command, Node flags included), in
 * its own process: streamed CSV → mapping → patient match → validation → the write path → SQLite. Prints the rows
 * per second of the import itself (the CLI's own clock, from the job's start to its end: the migration check and the
 * start of Node are left out) and the CLI process's peak resident memory (its kernel high-water mark, VmHWM, which
 * counts every thread of the process: tsx's loader, SQLite, Prisma's query compiler).
 */
export async function benchImportCsv(rows: number): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  const file = path.join(dir, "readings.csv");
  const databaseUrl = `file:${path.join(dir, "station.db")}`;
  const start = Date.now() - 30 * 86_400_000;
  const generated = spawnSync(
    process.execPath,
    ["-e", GENERATOR, file, String(rows), String(start), JSON.stringify(BENCH_PARAMETERS), String(PATIENTS)],
    { stdio: "inherit" },
  );
  if (generated.status !== 0) throw new Error("could not generate the CSV");

  await applyMigrations(databaseUrl, ROOT);
  const db = await createDb(databaseUrl);
  await seedImportPatients(
    db,
    Array.from({ length: PATIENTS }, (_, i) => ({
      identifier: `BENCH-${i + 1}`,
      episodeStartedAt: new Date(start - 86_400_000),
    })),
  );
  await db.$disconnect();

  // The command of `npm run import` as package.json has it (its Node flags included), without npm's own process.
  const [node, ...args] = IMPORT_SCRIPT.split(" ");
  if (node !== "node") throw new Error(`package.json's import script does not start with node: ${IMPORT_SCRIPT}`);
  // BENCH_IMPORT_NODE_FLAGS: Node flags for the CLI's process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where
  // its CPU goes, or "--heap-prof" where it allocates (NODE_OPTIONS refuses both).
  const profile = (process.env.BENCH_IMPORT_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...profile, ...args, file, "--stats"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let last = ZERO;
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const now = child.pid === undefined ? undefined : readProc(child.pid);
    // A process that has exited but is not yet reaped still has a status file, without its memory lines.
    if (now && now.hwmKb > 0) {
      last = now;
      peakRssKb = Math.max(peakRssKb, now.rssKb);
    }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`the import CLI exited with ${code}:\n${stdout}\n${stderr}`);

  // The CLI's --stats line: its own clock and counts for the import, and its own peak (getrusage, the same VmHWM).
  const statsLine = stderr.split("\n").find((l) => l.startsWith("stats "));
  if (!statsLine) throw new Error(`the import CLI printed no stats line:\n${stderr}`);
  const stats = JSON.parse(statsLine.slice("stats ".length)) as {
    records: number;
    accepted: number;
    seconds: number;
    cpuSeconds: number;
    peakRssMb: number;
    rssAtStartMb: number;
  };
  return {
    rows,
    accepted: stats.accepted,
    seconds: stats.seconds,
    rowsPerSec: Math.round(stats.records / stats.seconds),
    // On a shared machine the wall clock counts other processes' turns; the CPU the import used does not.
    cpuSeconds: stats.cpuSeconds,
    peakRssMb: stats.peakRssMb,
    peakRssMbSeenFromOutside: `${Math.round((last.hwmKb * 1024) / 1e6)} (VmHWM), ${Math.round((peakRssKb * 1024) / 1e6)} (largest VmRSS sample)`,
    rssBeforeFirstRowMb: stats.rssAtStartMb,
  };
}
