import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { io as connect } from "socket.io-client";
import { emptyAlarmState, type TAlarmReading, type TAlarmState } from "@/lib/alarms/alarm-state";
import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import { evaluateAlarms } from "@/lib/alarms/evaluate-alarms";
import type { TAlarmsChanged } from "@/lib/realtime/events";
import { createTestDb } from "@/test/support/create-test-db";
import { BENCH_PARAMETERS, seedBenchWorld, signInBenchNurse } from "./world";

/**
 * Rule evaluation cost: the pure evaluator as the engine calls it, once per episode per second with that second's
 * 12 readings, for 64 VA-ECMO beds over `seconds` of simulated time; values wander around their normal so that
 * hysteresis, trends and derived rules do their work. Printed per reading (the whole batch's time / its readings).
 */
export function benchRuleEvaluation({ beds, seconds }: { beds: number; seconds: number }) {
  const states: TAlarmState[] = Array.from({ length: beds }, () => emptyAlarmState());
  const episode = { deviceType: "VA_ECMO" as const, startedAt: Date.now() - 86_400_000 };
  const t0 = Date.now();
  let seq = 0;
  const batchMicros: number[] = [];
  let transitions = 0;
  let random = 42;
  const noise = () => ((random = (random * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.1;
  for (let s = 0; s < seconds; s++) {
    for (let b = 0; b < beds; b++) {
      const readings: TAlarmReading[] = BENCH_PARAMETERS.map(([parameter, , value]) => ({
        seq: ++seq,
        parameter,
        value: value * (1 + noise()),
        observedAt: t0 + s * 1000,
      }));
      const start = performance.now();
      const result = evaluateAlarms({
        rules: DEFAULT_ALARM_RULES,
        state: states[b] ?? emptyAlarmState(),
        episode,
        readings,
        now: t0 + s * 1000,
      });
      batchMicros.push((performance.now() - start) * 1000);
      states[b] = result.state;
      transitions += result.transitions.length;
    }
  }
  const sorted = [...batchMicros].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const total = batchMicros.reduce((a, b) => a + b, 0);
  const perSecond = total / seconds;
  return {
    readingsJudged: seq,
    transitions,
    "µs per reading (mean)": (total / seq).toFixed(1),
    "µs per batch of 12 (p50)": at(50).toFixed(0),
    "µs per batch of 12 (p99)": at(99).toFixed(0),
    "CPU per second of load (ms)": (perSecond / 1000).toFixed(1),
  };
}

/**
 * Time from a triggering reading entering the write path to its alarm reaching a socket client of the unit, with the 64
 * × 12 × 1 Hz load running: server in its own process (bench/bench-server.ts with BENCH_TRIGGER_MS), one client here.
 */
export async function benchAlarmLatency({ beds, seconds }: { beds: number; seconds: number }) {
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
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bench-server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      PORT: String(port),
      BENCH_BEDS: String(beds),
      BENCH_TRIGGER_MS: process.env.BENCH_TRIGGER_MS ?? "250",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) =>
    child.stdout.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()),
  );

  const latencies: number[] = [];
  const seen = new Set<string>();
  let counting = false;
  const socket = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    forceNew: true,
    extraHeaders: { cookie },
  });
  socket.on("alarm:changed", ({ alarms }: TAlarmsChanged) => {
    const now = Date.now();
    for (const alarm of alarms) {
      if (alarm.ruleId !== "lactate-high" || alarm.status !== "active" || seen.has(alarm.id)) continue;
      seen.add(alarm.id);
      if (counting) latencies.push(now - alarm.raisedAt);
    }
  });
  await new Promise<void>((resolve) =>
    socket.on("connect", () => socket.emit("alarm:subscribe", { unitId: "bench-unit", sinceSeq: 0 }, () => resolve())),
  );
  await new Promise((r) => setTimeout(r, 10_000));
  counting = true;
  await new Promise((r) => setTimeout(r, seconds * 1000));
  counting = false;
  socket.close();
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await t.cleanup();

  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return {
    seconds,
    alarmsRaised: sorted.length,
    "p50 (ms)": at(50),
    "p95 (ms)": at(95),
    "p99 (ms)": at(99),
    "max (ms)": sorted[sorted.length - 1] ?? NaN,
  };
}
