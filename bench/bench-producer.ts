import type { ReadingSink } from "@/lib/observations/reading-sink";
import { BENCH_PARAMETERS } from "./world";

/**
 * When the beds send their second's readings. "own": each bed at its own phase of the second (bed k at k/beds s), as
 * the monitors and consoles of a unit do, each on its own clock; "aligned": every bed in the same millisecond, one
 * burst a second (the built-in simulator's tick; the worst case for latency, since the whole second's work then
 * arrives at once).
 */
export type TProducerPhase = "own" | "aligned";

/**
 * Every second hands `beds` beds × 12 parameters to the write path, at the phase given; observedAt is the moment of
 * entry, which clients subtract. With triggerMs, every that many ms one bed's lactate alternates 4.6 / 1.0 mmol/L, raising and clearing
 * "lactate-high": the alarm's raisedAt is that reading's time.
 */
export function startBenchProducer({
  sink,
  beds,
  triggerMs,
  phase,
}: {
  sink: ReadingSink;
  beds: number;
  triggerMs: number;
  phase: TProducerPhase;
}) {
  /** Batches whose commit failed (SQLITE_BUSY past the busy timeout when two processes share the file under load). */
  const failures = { batches: 0, last: "" };
  const submit = (readings: Parameters<ReadingSink["submit"]>[0]) =>
    void sink.submit(readings).catch((error: unknown) => {
      failures.batches += 1;
      failures.last = error instanceof Error ? error.message : String(error);
    });
  let tick = 0;
  const bedReadings = (b: number, at: Date) =>
    BENCH_PARAMETERS.map(([parameter, unit, value]) => ({
      episodeId: `bench-e-${b}`,
      parameter,
      unit,
      value,
      observedAt: at,
      source: "device" as const,
      sourceRef: `f-${process.pid}-${tick}-${b}-${parameter}`,
    }));
  if (phase === "aligned")
    setInterval(() => {
      tick += 1;
      const at = new Date();
      submit(Array.from({ length: beds }, (_, k) => bedReadings(k + 1, at)).flat());
    }, 1000);
  else {
    let bed = 0;
    setInterval(() => {
      bed = (bed % beds) + 1;
      if (bed === 1) tick += 1;
      submit(bedReadings(bed, new Date()));
    }, 1000 / beds);
  }
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
