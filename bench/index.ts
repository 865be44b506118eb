/**
 * Prints the figures of the issues' targets, measured on this machine. Not a test: nothing here asserts a time.
 * Knobs (environment):
 * - BENCH_ONLY=ingest,ingest-pg,fanout,import,series,alarms,nodes,wall,adt picks benches (default all but wall); adt included. ingest-pg
 *   and nodes need PostgreSQL (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres); nodes needs
 *   Redis too (REDIS_URL, default redis://127.0.0.1:6379); wall (200 screens on one node) is not run by default.
 * - BENCH_INGEST_READINGS: readings of each ingest run (default 200,000): the write path, then the raw ceiling of the
 *   same prepared rows (SQLite: prepared INSERTs on better-sqlite3; PostgreSQL: INSERT … SELECT FROM unnest), each
 *   with its ratio.
 * - BENCH_SOAK_SEC: the fan-out soak (default 300); BENCH_WALL_SEC the wall's (default 1,800).
 * - BENCH_IMPORT_ROWS: rows of the CSV import (default 1,000,000). BENCH_SERIES_RUNS: trend runs (default 10).
 * - BENCH_ALARM_SEC: the alarm latency run (default 120).
 * - BENCH_NODES_SEC: the two-node soak (default 60), BENCH_NODES_WARMUP_SEC its warm-up (default 10),
 *   BENCH_NODES_CLIENTS its socket clients (default 200, half on each node), BENCH_NODES_BEDS its beds (default 64),
 *   BENCH_NODES_DATABASE postgres (default, as a hospital runs several nodes) or sqlite (one file),
 *   BENCH_NODES_CLIENT_PROCESSES the processes the clients run in (default 2; 0: in the bench's own process, the measure
 *   before 2026-12-04, whose one event loop decoded every client's copy of each burst), BENCH_NODES_PHASES the runs
 *   (default "own,aligned": the beds each at their own phase of the second, then all in the same millisecond;
 *   bench/bench-producer.ts).
 * - wall: prints reading → screen p50/p99, snapshot p50/p99 (a snapshot unanswered in 10 s is a failure), the server's
 *   RSS at start, peak and end (with its anonymous and file parts at the end), how many of the 200 clients subscribed
 *   and how many disconnects the run saw, and whether the server ran to the end.
 * - BENCH_ADT_MESSAGES: ADT messages sent over MLLP (default 400), BENCH_ADT_CLIENTS the screens subscribed to the
 *   unit (default 20), BENCH_ADT_BEDS the occupied beds (default 64; one more is free).
 * - BENCH_MEM_LOG=1 (fan-out, wall, alarms): the server prints every 10 s, after a full GC, its RSS, heap, external
 *   memory and what waits in its sockets' write buffers (engine.io packets, ws bytes): where a growth of RSS lives.
 * A run to check that everything runs to the end, not a measure: BENCH_INGEST_READINGS=3000 BENCH_SOAK_SEC=3
 * BENCH_IMPORT_ROWS=5000 BENCH_SERIES_RUNS=1 BENCH_ALARM_SEC=5 BENCH_NODES_SEC=3 BENCH_NODES_WARMUP_SEC=2
 * BENCH_NODES_CLIENTS=10 npm run bench.
 */
const only = (process.env.BENCH_ONLY ?? "ingest,ingest-pg,fanout,import,series,alarms,nodes,adt").split(",");
const print = (name: string, figures: Record<string, unknown>, targets: string) => {
  console.log(`\n## ${name}\n${targets}`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(32)} ${String(v)}`);
};

// Each bench is loaded only when it runs: the import bench measures this process's memory, and modules loaded for
// the others (the socket client, the auth helpers) would count in it.
if (only.includes("ingest")) {
  const { benchIngestThroughput } = await import("./ingest-throughput");
  const figures = await benchIngestThroughput(Number(process.env.BENCH_INGEST_READINGS ?? 200_000));
  print(
    "Ingest through the write path on SQLite",
    figures,
    "targets: ≥ 10,000 readings/s sustained; the ratio to the raw ceiling (better-sqlite3, same rows)",
  );
}
if (only.includes("ingest-pg")) {
  // Needs a PostgreSQL server (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
  const { benchIngestThroughput } = await import("./ingest-throughput");
  const figures = await benchIngestThroughput(Number(process.env.BENCH_INGEST_READINGS ?? 200_000), "postgres");
  print("Ingest through the write path on PostgreSQL", figures, "target: ≥ 50 % of the raw unnest ceiling");
}
if (only.includes("fanout")) {
  const { benchFanout } = await import("./fanout-latency");
  const figures = await benchFanout({ soakSec: Number(process.env.BENCH_SOAK_SEC ?? 300), clients: 50, beds: 64 });
  print(
    "Fan-out to 50 socket clients at 64 beds × 12 parameters at 1 Hz",
    figures,
    "targets: p99 ≤ 100 ms, RSS ≤ 250 MB after 5 min",
  );
}
if (only.includes("adt")) {
  const { benchAdtToTile } = await import("./adt-to-tile");
  const figures = await benchAdtToTile({
    messages: Number(process.env.BENCH_ADT_MESSAGES ?? 400),
    clients: Number(process.env.BENCH_ADT_CLIENTS ?? 20),
    beds: Number(process.env.BENCH_ADT_BEDS ?? 64),
  });
  print(
    "ADT message (A02 transfer / A08 update over MLLP) to the tile's stay:changed at socket clients, 64 beds under device load",
    figures,
    "target: p99 ≤ 2 s (as vendor centrals)",
  );
}
if (only.includes("wall")) {
  // Issue 18's load: a wall of 200 screens on one node (BENCH_WALL_SEC, default 1,800 s: the 30-minute target).
  const { benchFanout } = await import("./fanout-latency");
  const figures = await benchFanout({ soakSec: Number(process.env.BENCH_WALL_SEC ?? 1_800), clients: 200, beds: 64 });
  print(
    "Wall: 200 socket clients at 64 beds × 12 parameters at 1 Hz, with station snapshots under the load",
    figures,
    "targets: reading → screen p99 ≤ 500 ms; snapshot p99 and server RSS over the run reported",
  );
}
if (only.includes("import")) {
  const { benchImportCsv } = await import("./import-csv");
  const figures = await benchImportCsv(Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000));
  print(
    "CSV import of a generated file through the write path",
    figures,
    "targets: ≥ 50,000 rows/s, peak RSS ≤ 200 MB",
  );
}
if (only.includes("series")) {
  const { benchSeries } = await import("./series");
  const figures = await benchSeries({ runs: Number(process.env.BENCH_SERIES_RUNS ?? 10) });
  print(
    "Trend of one parameter: 7 days at 1 Hz (604,800 readings) downsampled to 1,500 px",
    figures,
    "target: ≤ 150 ms",
  );
}
if (only.includes("alarms")) {
  const { benchAlarmLatency, benchRuleEvaluation } = await import("./alarms");
  print(
    "Alarm rule evaluation: 64 beds × 12 parameters at 1 Hz, 600 s",
    benchRuleEvaluation({ beds: 64, seconds: 600 }),
    "figure: µs per reading",
  );
  const figures = await benchAlarmLatency({ beds: 64, seconds: Number(process.env.BENCH_ALARM_SEC ?? 120) });
  print(
    "Triggering reading → alarm at a socket client, under 64 beds × 12 parameters at 1 Hz",
    figures,
    "target: p99 ≤ 200 ms",
  );
}

if (only.includes("nodes")) {
  const { benchTwoNodes } = await import("./two-nodes");
  const engine = process.env.BENCH_NODES_DATABASE === "sqlite" ? "sqlite" : "postgres";
  const phases = (process.env.BENCH_NODES_PHASES ?? "own,aligned")
    .split(",")
    .filter((p) => p === "own" || p === "aligned");
  for (const phase of phases) {
    const figures = await benchTwoNodes({
      soakSec: Number(process.env.BENCH_NODES_SEC ?? 60),
      warmupSec: Number(process.env.BENCH_NODES_WARMUP_SEC ?? 10),
      clients: Number(process.env.BENCH_NODES_CLIENTS ?? 200),
      beds: Number(process.env.BENCH_NODES_BEDS ?? 64),
      engine,
      processes: Number(process.env.BENCH_NODES_CLIENT_PROCESSES ?? 2),
      phase,
    });
    print(
      `Nodes on ${engine === "postgres" ? "PostgreSQL" : "one SQLite file"} with Redis and the PostgreSQL lock: reading → screen on the other node, and the failover gap; ${phase === "own" ? "each bed sending at its own phase of the second" : "every bed sending in the same millisecond (the worst case)"}`,
      figures,
      "targets: p99 ≤ 100 ms on the other node; the new leader judging within 10 s of the old one's death",
    );
  }
}

export {};
