// The station server in its own process for the fan-out and alarm benches, so that its RSS is its own. Every second it
// hands 64 beds × 12 parameters to the write path; observedAt is the moment of entry, which clients subtract. With
// BENCH_TRIGGER_MS (the alarm bench), every that many ms one bed's lactate alternates 4.6 / 1.0 mmol/L, raising and
// clearing "lactate-high": the alarm's raisedAt is that reading's time.
import { createDb } from "@/lib/db/client";
import { provideDb } from "@/lib/db/get-db";
import { createStationServer } from "@/server/create-station-server";
import { silentLogger } from "@/lib/log/logger";
import { BENCH_PARAMETERS } from "./world";

const db = await createDb(process.env.DATABASE_URL ?? "");
const server = await createStationServer({ db, log: silentLogger });
// The station snapshot as a screen asks for it (the Next route handler, run here since the bench has no Next), so
// the fan-out bench can time snapshots under the same load: GET /bench/snapshot with a session cookie.
provideDb(db);
const snapshotRoute = await import("@/app/api/units/[unitId]/station/route");
server.mount((req, res) => {
  if (!req.url?.startsWith("/bench/snapshot")) return false;
  const request = new Request(`http://bench${req.url}`, { headers: { cookie: req.headers.cookie ?? "" } });
  void snapshotRoute
    .GET(request, { params: Promise.resolve({ unitId: "bench-unit" }) })
    .then(async (answer) =>
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text()),
    );
  return true;
});
await server.listen(Number(process.env.PORT), "127.0.0.1");
const beds = Number(process.env.BENCH_BEDS ?? "64");
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
        sourceRef: `f-${tick}-${b}-${parameter}`,
      });
    }
  }
  void server.writer.submit(readings);
}, 1000);
const triggerMs = Number(process.env.BENCH_TRIGGER_MS ?? 0);
if (triggerMs > 0) {
  let trigger = 0;
  setInterval(() => {
    trigger += 1;
    const bed = (trigger % beds) + 1;
    // Each bed's lactate alternates between a high value and a normal one on its successive turns.
    const high = Math.floor(trigger / beds) % 2 === 0;
    void server.writer.submit([
      {
        episodeId: `bench-e-${bed}`,
        parameter: "lactate",
        unit: "mmol/L",
        value: high ? 4.6 : 1.0,
        observedAt: new Date(),
        source: "device" as const,
        sourceRef: `t-${trigger}`,
      },
    ]);
  }, triggerMs);
}
process.stdout.write("READY\n");
// BENCH_MEM_LOG=1 prints the heap after a full GC every 10 s: how the retained-batches problem was found.
if (process.env.BENCH_MEM_LOG) {
  setInterval(() => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.stderr.write(`mem rss=${Math.round(m.rss / 1e6)} MB heapUsed=${Math.round(m.heapUsed / 1e6)} MB\n`);
  }, 10_000);
}
