// One station node for the two-node bench (bench/two-nodes.ts): the server with Redis and the PostgreSQL leader lock,
// as server/index.ts builds it, without Next; with BENCH_PRODUCE=1 it also runs the bench's producer.
import { createDb } from "@/lib/db/client";
import { setNodeId } from "@/lib/db/cluster/node-identity";
import { consoleLogger, silentLogger, type Logger } from "@/lib/log/logger";
import { connectRedis } from "@/server/cluster/connect-redis";
import type { Leadership } from "@/server/cluster/leadership";
import { startPostgresLeadership } from "@/server/cluster/postgres-leadership";
import { createStationServer } from "@/server/create-station-server";
import { startBenchProducer } from "./bench-producer";

const nodeId = process.env.NODE_ID ?? `bench-${process.pid}`;
setNodeId(nodeId);
const db = await createDb(process.env.DATABASE_URL ?? "");
// Leadership changes are printed (to stderr): a flapping lock under load is a figure too.
const log: Logger = {
  error: (m, d) => consoleLogger.error(m, d),
  warn: (m, d) => consoleLogger.warn(m, d),
  info: (m) => (m.startsWith("leadership") ? consoleLogger.warn(m) : undefined),
};
// BENCH_NEVER_LEAD=1: the producing node stays a follower, so that killing the leader never stops the production.
const leadership: Leadership =
  process.env.BENCH_NEVER_LEAD === "1"
    ? { nodeId, shared: true, current: () => null, onChange: () => undefined, stop: () => Promise.resolve() }
    : await startPostgresLeadership({ lockUrl: process.env.LEADER_LOCK_URL ?? "", db, nodeId, log });
const redis = await connectRedis(process.env.REDIS_URL ?? "", silentLogger, process.env.REDIS_PREFIX);
const server = await createStationServer({ db, log: silentLogger, leadership, redis });
await server.listen(Number(process.env.PORT), "127.0.0.1");
const failures =
  process.env.BENCH_PRODUCE === "1"
    ? startBenchProducer({
        sink: server.writer,
        beds: Number(process.env.BENCH_BEDS ?? "64"),
        triggerMs: Number(process.env.BENCH_TRIGGER_MS ?? 0),
        phase: process.env.BENCH_PHASE === "aligned" ? "aligned" : "own",
      })
    : undefined;
// Asked for by the bench before it stops this node: how many of the producer's commits failed.
process.on("SIGUSR2", () => {
  process.stdout.write(`FAILED ${failures?.batches ?? 0} ${failures?.last ?? ""}\n`);
});
process.stdout.write(`READY ${leadership.current() ? "leader" : "follower"}\n`);
