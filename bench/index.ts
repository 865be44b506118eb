import { benchIngestThroughput } from "./ingest-throughput";

/**
 * Prints the figures of the issues' targets, measured on this machine. Not a test: nothing here asserts a time.
 * BENCH_ONLY=ingest,fanout picks benches; BENCH_SOAK_SEC shortens the 5-minute soak for a quick look.
 */
const only = (process.env.BENCH_ONLY ?? "ingest,fanout").split(",");
const print = (name: string, figures: Record<string, unknown>, targets: string) => {
  console.log(`\n## ${name}\n${targets}`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(32)} ${String(v)}`);
};

if (only.includes("ingest")) {
  const figures = await benchIngestThroughput(Number(process.env.BENCH_INGEST_READINGS ?? 200_000));
  print("Ingest through the write path", figures, "target: ≥ 10,000 readings/s sustained");
}
if (only.includes("fanout")) {
  const { benchFanout } = await import("./fanout-latency");
  const figures = await benchFanout({ soakSec: Number(process.env.BENCH_SOAK_SEC ?? 300), clients: 50, beds: 64 });
  print("Fan-out to 50 socket clients at 64 beds × 12 parameters at 1 Hz", figures, "targets: p99 ≤ 100 ms, RSS ≤ 250 MB after 5 min");
}
