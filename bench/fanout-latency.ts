import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDb } from "@/test/support/create-test-db";
import { seedBenchWorld, signInBenchNurse } from "./world";
import { unpackObservations } from "@/lib/observations/packed-observations";

/** A line of /proc/<pid>/status in MB; NaN once the process is gone (a crashed server must not stop the report). */
const statusMb = (pid: number, field = "VmRSS") => {
  const status = readStatus(pid);
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};
const readStatus = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
};
const rssMb = (pid: number) => statusMb(pid);
/** How long a client waits for its subscription's answer, and a snapshot for its response, before counting a failure. */
const SUBSCRIBE_TIMEOUT_MS = 30_000;
const SNAPSHOT_TIMEOUT_MS = 10_000;

/**
 * Time from a reading entering the write path to its arrival at each of N socket clients subscribed to the unit,
 * at 64 beds × 12 parameters at 1 Hz, and the server's RSS during and after the soak. The server runs in its own
 * process; the clients share this one, so the figure includes their decoding in turn on the same two cores (a
 * pessimistic measure: real screens decode on their own machines). Two client processes were tried and were
 * slower: three busy processes on two cores.
 */
export async function benchFanout({ soakSec, clients, beds }: { soakSec: number; clients: number; beds: number }) {
  const t = await createTestDb();
  await seedBenchWorld(t.db, beds);
  const cookie = await signInBenchNurse(t.db);
  await t.db.$disconnect();
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_MEM_LOG ? ["--expose-gc"] : []), "--import", "tsx", "bench/bench-server.ts"],
    {
      env: { ...process.env, DATABASE_URL: t.url, PORT: String(port), BENCH_BEDS: String(beds) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // A server that dies mid-run is reported, not waited for.
  let serverExit: string | undefined;
  child.once("exit", (code, signal) => (serverExit = `exited (${signal ?? code}) while the bench ran`));
  await new Promise<void>((resolve) =>
    child.stdout.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()),
  );

  // A histogram in whole milliseconds rather than every latency: 50 clients × 768 readings × 300 s is 11.5 million.
  const histogram = new Map<number, number>();
  let counting = false;
  const sockets: Socket[] = [];
  let subscribed = 0;
  let disconnects = 0;
  for (let i = 0; i < clients; i++) {
    const socket = connect(`http://127.0.0.1:${port}`, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie },
    });
    socket.on("observation:recorded", ({ readings }: { readings: unknown }) => {
      if (!counting) return;
      // Unpacked and checked as a screen's transport does (lib/client/socket-transport.ts): its cost is the screen's.
      const unpacked = unpackObservations(readings);
      if (!unpacked.ok) throw new Error(`bench: observation:recorded could not be read: ${unpacked.reason}`);
      const now = Date.now();
      for (const o of unpacked.observations) {
        const ms = now - o.observedAt;
        histogram.set(ms, (histogram.get(ms) ?? 0) + 1);
      }
    });
    socket.on("disconnect", () => (counting ? (disconnects += 1) : undefined));
    // A subscription refused or never answered is counted rather than waited for: the report must come out.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, SUBSCRIBE_TIMEOUT_MS);
      socket.once("connect", () =>
        socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 1e12 }, (answer: { ok?: boolean }) => {
          clearTimeout(timer);
          if (answer.ok !== false) subscribed += 1;
          resolve();
        }),
      );
    });
    sockets.push(socket);
  }
  process.stderr.write(`fan-out: ${subscribed} of ${clients} clients subscribed\n`);
  // Ten seconds of warm-up (JIT, SQLite page cache) before anything is counted.
  await new Promise((r) => setTimeout(r, 10_000));
  counting = true;
  const rssSamples: number[] = [];
  const started = Date.now();
  // Snapshots as screens load them (a reconnecting wall, a new tab), one after another while the soak runs.
  const snapshotMs: number[] = [];
  let snapshotFailures = 0;
  const snapshots = (async () => {
    while (Date.now() - started < soakSec * 1000) {
      const began = performance.now();
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/bench/snapshot`, {
          headers: { cookie },
          signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS),
        });
        await answer.arrayBuffer();
        if (answer.ok) snapshotMs.push(performance.now() - began);
        else snapshotFailures++;
      } catch {
        snapshotFailures++; // no answer within SNAPSHOT_TIMEOUT_MS, or the server is gone
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  while (Date.now() - started < soakSec * 1000) {
    await new Promise((r) => setTimeout(r, 5000));
    rssSamples.push(rssMb(child.pid!));
  }
  await snapshots;
  counting = false;
  const rssEnd = rssMb(child.pid!);
  // Anonymous memory (heap, buffers, SQLite's caches) against file pages mapped in: what a growth is made of.
  const rssAnonEnd = statusMb(child.pid!, "RssAnon");
  const rssFileEnd = statusMb(child.pid!, "RssFile");
  for (const s of sockets) s.close();
  child.kill("SIGTERM");
  await t.cleanup();

  const buckets = [...histogram].sort((a, b) => a[0] - b[0]);
  const deliveries = buckets.reduce((n, [, c]) => n + c, 0);
  const percentile = (p: number) => {
    let seen = 0;
    for (const [ms, n] of buckets) if ((seen += n) >= (p / 100) * deliveries) return ms;
    return NaN;
  };
  return {
    soakSeconds: soakSec,
    clients,
    clientsSubscribed: subscribed,
    clientDisconnectsDuringRun: disconnects,
    server: serverExit ?? "ran to the end",
    readingsPerSecond: beds * 12,
    deliveries,
    expectedDeliveries: beds * 12 * clients * soakSec,
    latencyP50Ms: percentile(50),
    latencyP99Ms: percentile(99),
    latencyMaxMs: buckets.at(-1)?.[0],
    snapshots: snapshotMs.length,
    snapshotFailures,
    snapshotP50Ms: Math.round(sortedAt(snapshotMs, 50)),
    snapshotP99Ms: Math.round(sortedAt(snapshotMs, 99)),
    serverRssMbAtStart: rssSamples[0],
    serverRssMbAtEnd: rssEnd,
    serverRssMbMax: Math.max(...rssSamples.filter((v) => !Number.isNaN(v)), rssEnd),
    serverRssAnonMbAtEnd: rssAnonEnd,
    serverRssFileMbAtEnd: rssFileEnd,
  };
}

function sortedAt(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
