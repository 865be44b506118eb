import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDb } from "@/test/support/create-test-db";
import { seedBenchWorld, signInBenchNurse } from "./world";

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};

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
  await new Promise<void>((resolve) =>
    child.stdout.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()),
  );

  // A histogram in whole milliseconds rather than every latency: 50 clients × 768 readings × 300 s is 11.5 million.
  const histogram = new Map<number, number>();
  let counting = false;
  const sockets: Socket[] = [];
  for (let i = 0; i < clients; i++) {
    const socket = connect(`http://127.0.0.1:${port}`, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie },
    });
    socket.on("observation:recorded", ({ observations }: { observations: { observedAt: number }[] }) => {
      if (!counting) return;
      const now = Date.now();
      for (const o of observations) {
        const ms = now - o.observedAt;
        histogram.set(ms, (histogram.get(ms) ?? 0) + 1);
      }
    });
    await new Promise<void>((resolve) =>
      socket.on("connect", () =>
        socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 1e12 }, () => resolve()),
      ),
    );
    sockets.push(socket);
  }
  process.stderr.write(`fan-out: ${clients} clients subscribed\n`);
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
      const answer = await fetch(`http://127.0.0.1:${port}/bench/snapshot`, { headers: { cookie } });
      await answer.arrayBuffer();
      if (answer.ok) snapshotMs.push(performance.now() - began);
      else snapshotFailures++;
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
    serverRssMbMax: Math.max(...rssSamples, rssEnd),
  };
}

function sortedAt(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
