import { fork, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { randomUUID } from "node:crypto";
import { createPostgresTestDb, createTestDb, readOnOtherConnection } from "@/test/support/create-test-db";
import { createLockDatabase, freePort } from "@/test/support/station-node";
import type { TProducerPhase } from "./bench-producer";
import { followUnit, type TFollowerFigures } from "./unit-followers";
import { seedBenchWorld, signInBenchNurse } from "./world";

/**
 * Nodes on one database (PostgreSQL, as a hospital runs them, or with engine "sqlite" one SQLite file) with Redis and
 * the PostgreSQL lock: node A (started first, so normally the leader), node B
 * producing 64 beds × 12 parameters at 1 Hz, each bed at its own phase of the second or all at once (`phase`,
 * bench/bench-producer.ts), and a lactate trigger every 250 ms, so that the engine writes alarms (B never leads), and
 * C, a standby. Half the clients follow the unit on A, half on B: A's see readings committed on
 * the other node (the figure the target is about), B's those of their own node. Then the leader (A, or C if the lock
 * moved during the soak) is killed with SIGKILL: how long until another node holds the lock, and until an alarm
 * event is written after the kill (the gap in judgement). All processes share this machine's two
 * cores with the clients' decoding: the load average is printed beside the figures. The clients run in `processes`
 * child processes (bench/unit-followers-process.ts), so that no one event loop decodes all 200 copies of each second's
 * readings in turn; with 0 they run in this process, as before 2026-12-04. The first client on A to decode each tick
 * (a bed's readings, or with "aligned" the whole second's) gives the station's path without the clients' queue
 * (otherNodeFirstClient…). The CPU each group of processes used during the soak is printed too: where the cores went.
 */
export async function benchTwoNodes({
  soakSec,
  clients,
  beds,
  engine = "postgres",
  warmupSec = 10,
  processes = 2,
  phase = "own",
}: {
  soakSec: number;
  warmupSec?: number;
  clients: number;
  beds: number;
  engine?: "postgres" | "sqlite";
  /** Processes the clients run in (0: this one, whose event loop then decodes for all of them). */
  processes?: number;
  /** When the beds send (bench/bench-producer.ts): each at its own phase of the second, or all in the same millisecond. */
  phase?: TProducerPhase;
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
        BENCH_PHASE: phase,
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

  const followers = await startFollowers({ ports: { a: a.port, b: b.port }, cookie, clients, processes });
  step(
    `${clients} clients subscribed (${processes === 0 ? "in this process" : `in ${processes} processes`}); ${warmupSec} s of warm-up`,
  );
  await new Promise((r) => setTimeout(r, warmupSec * 1000));
  followers.count();
  const who = (): Record<string, number[]> => ({
    nodeA: [a.child.pid ?? -1],
    nodeB: [b.child.pid ?? -1],
    nodeC: [c.child.pid ?? -1],
    postgres: processesNamed("postgres"),
    redis: processesNamed("redis-server"),
    clients: followers.pids,
  });
  const cpuBefore = cpuTicks(who());
  await new Promise((r) => setTimeout(r, soakSec * 1000));
  const cpuAfter = cpuTicks(who());
  const histograms = await followers.stop();
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
    clients: `${clients} (${Math.ceil(clients / 2)} on A, ${Math.floor(clients / 2)} on B), ${processes === 0 ? "in the bench's process" : `in ${processes} processes of their own`}`,
    readingsPerSecond: beds * 12,
    otherNodeDeliveries: count(histograms.otherNode),
    otherNodeP50Ms: percentile(histograms.otherNode, 50),
    otherNodeP99Ms: percentile(histograms.otherNode, 99),
    // Each tick at the first client on A to decode it: the station's path without the clients' queue (with "aligned",
    // one figure a second: over a 60 s soak its p99 is the worst burst but one).
    otherNodeFirstClientBursts: count(histograms.otherNodeFirst),
    otherNodeFirstClientP50Ms: percentile(histograms.otherNodeFirst, 50),
    otherNodeFirstClientP99Ms: percentile(histograms.otherNodeFirst, 99),
    sameNodeDeliveries: count(histograms.sameNode),
    sameNodeP50Ms: percentile(histograms.sameNode, 50),
    sameNodeP99Ms: percentile(histograms.sameNode, 99),
    leaderKilled: leaderBefore,
    failoverLockMovedSeconds: (lockMovedMs / 1000).toFixed(2),
    // The gap in judgement: from the kill until the new leader's engine writes an alarm event.
    failoverGapSeconds: (firstJudgementMs / 1000).toFixed(2),
    // Where the two cores went during the soak: CPU seconds per second of soak, by process group (Linux /proc).
    cpuPerSecondOfSoak: Object.keys(cpuAfter)
      .map((k) => `${k} ${(((cpuAfter[k] ?? 0) - (cpuBefore[k] ?? 0)) / 100 / soakSec).toFixed(2)}`)
      .join(", "),
    producerBatchesNotCommitted: failed,
    loadAverage1m5m15m: load.join(" "),
  };
}

type THistogram = Map<number, number>;

/** The pids of the processes whose command is `name` (PostgreSQL's backends, Redis); none where /proc is missing. */
function processesNamed(name: string): number[] {
  try {
    return readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, "utf8").trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time (user + system, in clock ticks of 1/100 s) of each group of processes, summed; a process gone counts 0. */
function cpuTicks(groups: Record<string, number[]>): Record<string, number> {
  const ticks = (pid: number) => {
    try {
      // Fields 14 and 15 (utime, stime), counted after the command, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      return 0;
    }
  };
  return Object.fromEntries(Object.entries(groups).map(([k, pids]) => [k, pids.reduce((n, pid) => n + ticks(pid), 0)]));
}

/**
 * The socket clients, in this process (processes 0: the measure before 2026-12-04, where one event loop decoded every
 * client's copy of each burst, so the last client's delay held the 199 decodings before it) or split over child
 * processes, whose figures are merged at the end.
 */
async function startFollowers({
  ports,
  cookie,
  clients,
  processes,
}: {
  ports: { a: number; b: number };
  cookie: string;
  clients: number;
  processes: number;
}): Promise<{
  count: () => void;
  /** The clients' processes (this one when they run here). */
  pids: number[];
  stop: () => Promise<{ otherNode: THistogram; sameNode: THistogram; otherNodeFirst: THistogram }>;
}> {
  const merge = (all: readonly TFollowerFigures[]) => {
    const otherNode: THistogram = new Map();
    const sameNode: THistogram = new Map();
    const first = new Map<number, number>();
    for (const f of all) {
      for (const [ms, n] of f.otherNode) otherNode.set(ms, (otherNode.get(ms) ?? 0) + n);
      for (const [ms, n] of f.sameNode) sameNode.set(ms, (sameNode.get(ms) ?? 0) + n);
      for (const [at, ms] of f.otherNodeFirst) first.set(at, Math.min(first.get(at) ?? Infinity, ms));
    }
    // One entry per tick, as a histogram of delays.
    const otherNodeFirst: THistogram = new Map();
    for (const ms of first.values()) otherNodeFirst.set(ms, (otherNodeFirst.get(ms) ?? 0) + 1);
    return { otherNode, sameNode, otherNodeFirst };
  };
  if (processes === 0) {
    const followers = await followUnit({ ports, cookie, clients });
    return {
      pids: [process.pid],
      count: () => followers.count(true),
      stop: () => {
        followers.count(false);
        followers.close();
        return Promise.resolve(merge([followers.figures()]));
      },
    };
  }
  // An even share each, so that every process's clients alternate between A and B as the in-process ones do.
  const share = Math.ceil(clients / processes / 2) * 2;
  const children = Array.from({ length: processes }, (_, k) => ({
    from: k * share,
    n: Math.max(0, Math.min(share, clients - k * share)),
  }))
    .filter(({ n }) => n > 0)
    .map(({ from, n }) =>
      fork("bench/unit-followers-process.ts", [], {
        execArgv: ["--import", "tsx"],
        env: {
          ...process.env,
          BENCH_PORT_A: String(ports.a),
          BENCH_PORT_B: String(ports.b),
          BENCH_COOKIE: cookie,
          BENCH_CLIENTS: String(n),
          BENCH_FIRST_CLIENT: String(from),
        },
      }),
    );
  await Promise.all(children.map((child) => new Promise((resolve) => child.once("message", resolve))));
  return {
    pids: children.map((child) => child.pid ?? -1),
    count: () => children.forEach((child) => child.send("count")),
    stop: async () => {
      const figures = await Promise.all(
        children.map(
          (child) =>
            new Promise<TFollowerFigures>((resolve) => {
              child.once("message", (m) => resolve(m as TFollowerFigures));
              child.send("stop");
            }),
        ),
      );
      return merge(figures);
    },
  };
}
