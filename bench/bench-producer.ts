import type { ReadingSink } from "@/lib/observations/reading-sink";
import { BENCH_PARAMETERS } from "./world";

/**
 * Every second hands `beds` beds × 12 parameters to the write path; observedAt is the moment of entry, which clients
 * subtract. With triggerMs, every that many ms one bed's lactate alternates 4.6 / 1.0 mmol/L, raising and clearing
 * "lactate-high": the alarm's raisedAt is that reading's time.
 */
export function startBenchProducer({ sink, beds, triggerMs }: { sink: ReadingSink; beds: number; triggerMs: number }) {
  /** Batches whose commit failed (SQLITE_BUSY past the busy timeout when two processes share the file under load). */
  const failures = { batches: 0, last: "" };
  const submit = (readings: Parameters<ReadingSink["submit"]>[0]) =>
    void sink.submit(readings).catch((error: unknown) => {
      failures.batches += 1;
      failures.last = error instanceof Error ? error.message : String(error);
    });
  let tick = 0;
  setInterval(() => {
    tick += 1;
    const at = new Date();
    const readings = [];
    for (let b = 1; b <= beds; b++) {
      for (const [parameter, unit, value] of BENCH_PARAMETERS) {
        readings.push({
          episodeId: `bench-e-${b}`,
          parameter,
          unit,
          value,
          observedAt: at,
          source: "device" as const,
          sourceRef: `f-${process.pid}-${tick}-${b}-${parameter}`,
        });
      }
    }
    submit(readings);
  }, 1000);
  if (triggerMs <= 0) return failures;
  let trigger = 0;
  setInterval(() => {
    trigger += 1;
    const bed = (trigger % beds) + 1;
    // Each bed's lactate alternates between a high value and a normal one on its successive turns.
    const high = Math.floor(trigger / beds) % 2 === 0;
    submit([
      {
        episodeId: `bench-e-${bed}`,
        parameter: "lactate",
        unit: "mmol/L",
        value: high ? 4.6 : 1.0,
        observedAt: new Date(),
        source: "device" as const,
        sourceRef: `t-${process.pid}-${trigger}`,
      },
    ]);
  }, triggerMs);
  return failures;
}
