// The station server in its own process for the fan-out and alarm benches, so that its RSS is its own, with the bench's
// producer (bench-producer.ts: 64 beds × 12 parameters at 1 Hz; lactate triggers with BENCH_TRIGGER_MS).
import { createDb } from "@/lib/db/client";
import { provideDb } from "@/lib/db/get-db";
import { createStationServer } from "@/server/create-station-server";
import { silentLogger } from "@/lib/log/logger";
import { handleMllpMessage } from "@/server/imports/mllp/handle-mllp-message";
import { startMllpListener } from "@/server/imports/mllp/start-mllp-listener";
import { startBenchProducer } from "./bench-producer";

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
startBenchProducer({
  sink: server.writer,
  beds: Number(process.env.BENCH_BEDS ?? "64"),
  triggerMs: Number(process.env.BENCH_TRIGGER_MS ?? 0),
});
// The ADT bench (adt-to-tile.ts) sends its messages over MLLP, as an interface engine would: BENCH_MLLP_PORT.
if (process.env.BENCH_MLLP_PORT)
  await startMllpListener({
    port: Number(process.env.BENCH_MLLP_PORT),
    host: "127.0.0.1",
    log: silentLogger,
    handle: (message, peer) => handleMllpMessage({ db, sink: server.writer, message, peer, timeZone: "UTC" }),
  });
process.stdout.write("READY\n");
// BENCH_MEM_LOG=1 prints the heap after a full GC every 10 s: how the retained-batches problem was found.
if (process.env.BENCH_MEM_LOG) {
  setInterval(() => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.stderr.write(`mem rss=${Math.round(m.rss / 1e6)} MB heapUsed=${Math.round(m.heapUsed / 1e6)} MB\n`);
  }, 10_000);
}
