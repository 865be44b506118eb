import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { io as connect, type Socket } from "socket.io-client";
import { randomUUID } from "node:crypto";
import { createPostgresTestDb, createTestDb, readOnOtherConnection } from "@/test/support/create-test-db";
import { createLockDatabase, freePort } from "@/test/support/station-node";
import { seedBenchWorld, signInBenchNurse } from "./world";

/**
 * Nodes on one database (PostgreSQL, as a hospital runs them, or with engine "sqlite" one SQLite file) with Redis and
 * the PostgreSQL lock: node A (started first, so normally the leader), node B
 * producing 64 beds × 12 parameters at 1 Hz (and a lactate trigger every 250 ms, so that the engine writes alarms;
 * it never leads), and C, a standby. Half the clients follow the unit on A, half on B: A's see readings committed on
 * the other node (the figure the target is about), B's those of their own node. Then the leader (A, or C if the lock
 * moved during the soak) is killed with SIGKILL: how long until another node holds the lock, and until an alarm
 * event is written after the kill (the gap in judgement). All processes share this machine's two
 * cores with the clients' decoding: the load average is printed beside the figures.
 */
export async function benchTwoNodes({
  soakSec,
  clients,
  beds,
  engine = "postgres",
  warmupSec = 10,
}: {
  soakSec: number;
  warmupSec?: number;
  clients: number;
  beds: number;
  engine?: "postgres" | "sqlite";
}) {
  const t = engine === "postgres" ? await createPostgresTestDb() : await createTestDb();
  // Channels of their own on a Redis that other stations (another bench, a test run) may share.
  const redisPrefix = `bench-${randomUUID().slice(0, 8)}`;
  await seedBenchWorld(t.db, beds);
  const cookie = await signInBenchNurse(t.db);
  await t.db.$disconnect();
  const lock = await createLockDatabase();
  const start = async (name: string, produce: boolean): Promise<{ child: ChildProcess; port: number }> => {
    // The producing node never leads: killing the leader must not stop the readings.
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "bench/bench-node.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        PORT: String(port),
        NODE_ID: name,
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
        LEADER_LOCK_URL: lock.url,
        REDIS_PREFIX: redisPrefix,
        BENCH_BEDS: String(beds),
        BENCH_PRODUCE: produce ? "1" : "0",
        BENCH_NEVER_LEAD: produce ? "1" : "0",
        BENCH_TRIGGER_MS: "250",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) =>
      child.stdout?.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()),
    );
    return { child, port };
  };
  const step = (what: string) => process.stderr.write(`two nodes: ${what}\n`);
  const a = await start("bench-a", false);
  step("node A ready");
  // C: a standby with neither clients nor producer, to take the lead when the leader is killed.
  const c = await start("bench-c", false);
  const b = await start("bench-b", true);
  step("nodes B (producing) and C (standby) ready");

  const histograms = { otherNode: new Map<number, number>(), sameNode: new Map<number, number>() };
  let counting = false;
  const sockets: Socket[] = [];
  const connectClient = async (i: number): Promise<void> => {
    const onA = i % 2 === 0;
    const histogram = onA ? histograms.otherNode : histograms.sameNode;
    const socket = connect(`http://127.0.0.1:${onA ? a.port : b.port}`, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie },
    });
    socket.on("observation:recorded", ({ observations }: { observations: { observedAt: number }[] }) => {
      if (!counting) return;
      const now = Date.now();
      for (const o of observations) histogram.set(now - o.observedAt, (histogram.get(now - o.observedAt) ?? 0) + 1);
    });
    await new Promise<void>((resolve) =>
      socket.on("connect", () =>
        socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 1e12 }, () => resolve()),
      ),
    );
    sockets.push(socket);
  };
  // Twenty at a time: one by one, 200 clients took minutes to subscribe on a loaded machine.
  for (let from = 0; from < clients; from += 20)
    await Promise.all(Array.from({ length: Math.min(20, clients - from) }, (_, k) => connectClient(from + k)));
  step(`${clients} clients subscribed; ${warmupSec} s of warm-up`);
  await new Promise((r) => setTimeout(r, warmupSec * 1000));
  counting = true;
  await new Promise((r) => setTimeout(r, soakSec * 1000));
  counting = false;
  const load = loadavg().map((x) => x.toFixed(1));

  // Failover: the leader killed; B takes the lock, claims the next epoch, and its engine judges.
  const leader = async () =>
    (await readOnOtherConnection<{ nodeId: string }>(t, `SELECT "nodeId" FROM "LeaderEpoch"`))[0]?.nodeId;
  const lastEvent = async () =>
    (await readOnOtherConnection<{ s: number | null }>(t, `SELECT MAX("seq") AS "s" FROM "AlarmEvent"`))[0]?.s ?? 0;
  step("soak done; killing the leader");
  const leaderBefore = await leader();
  const eventBefore = await lastEvent();
  const killedAt = Date.now();
  const victim = leaderBefore === "bench-c" ? c : a;
  victim.child.kill("SIGKILL");
  let lockMovedMs = NaN;
  let firstJudgementMs = NaN;
  while (Date.now() - killedAt < 30_000 && Number.isNaN(firstJudgementMs)) {
    await new Promise((r) => setTimeout(r, 50));
    if (Number.isNaN(lockMovedMs) && (await leader()) !== leaderBefore) lockMovedMs = Date.now() - killedAt;
    // Events written after the kill by the new leader's engine: it judges again.
    if (!Number.isNaN(lockMovedMs) && (await lastEvent()) > eventBefore) firstJudgementMs = Date.now() - killedAt;
  }
  for (const s of sockets) s.close();
  const failed = await new Promise<string>((resolve) => {
    b.child.stdout?.on("data", (d: Buffer) => {
      const line = /FAILED (\d+)(.*)/.exec(d.toString());
      if (line) resolve(`${line[1]}${line[2] ? ` (last: ${line[2].trim()})` : ""}`);
    });
    b.child.kill("SIGUSR2");
    setTimeout(() => resolve("unknown (no answer)"), 5_000);
  });
  for (const node of [a, b, c]) node.child.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, 1_000));
  await lock.drop();
  await t.cleanup();

  const percentile = (histogram: Map<number, number>, p: number) => {
    const buckets = [...histogram].sort((x, y) => x[0] - y[0]);
    const total = buckets.reduce((n, [, c]) => n + c, 0);
    let seen = 0;
    for (const [ms, n] of buckets) if ((seen += n) >= (p / 100) * total) return ms;
    return NaN;
  };
  const count = (h: Map<number, number>) => [...h.values()].reduce((n, c) => n + c, 0);
  return {
    database: engine,
    soakSeconds: soakSec,
    clients: `${clients} (${Math.ceil(clients / 2)} on A, ${Math.floor(clients / 2)} on B)`,
    readingsPerSecond: beds * 12,
    otherNodeDeliveries: count(histograms.otherNode),
    otherNodeP50Ms: percentile(histograms.otherNode, 50),
    otherNodeP99Ms: percentile(histograms.otherNode, 99),
    sameNodeDeliveries: count(histograms.sameNode),
    sameNodeP50Ms: percentile(histograms.sameNode, 50),
    sameNodeP99Ms: percentile(histograms.sameNode, 99),
    leaderKilled: leaderBefore,
    failoverLockMovedSeconds: (lockMovedMs / 1000).toFixed(2),
    // The gap in judgement: from the kill until the new leader's engine writes an alarm event.
    failoverGapSeconds: (firstJudgementMs / 1000).toFixed(2),
    producerBatchesNotCommitted: failed,
    loadAverage1m5m15m: load.join(" "),
  };
}
