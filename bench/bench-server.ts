// The station server in its own process for the fan-out and alarm benches, so that its RSS is its own, with the bench's
// producer (bench-producer.ts: 64 beds × 12 parameters at 1 Hz; lactate triggers with BENCH_TRIGGER_MS).
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { createDb } from "@/lib/db/client";
import { provideDb } from "@/lib/db/get-db";
import { createStationServer } from "@/server/create-station-server";
import { silentLogger } from "@/lib/log/logger";
import { handleMllpMessage } from "@/server/imports/mllp/handle-mllp-message";
import { startMllpListener } from "@/server/imports/mllp/start-mllp-listener";
import { startBenchProducer } from "./bench-producer";

const db = await createDb(process.env.DATABASE_URL ?? "");
// Sockets and background refreshes do not count as a session's activity: with the default 30 minutes the bench's
// session idles out during the wall's 30-minute run, and the sweep closes its 200 sockets. A day, the longest allowed,
// outlasts any bench. It is set in the environment too, not only in the socket server's config: the snapshot route
// below is a Next route handler, which reads its session rules from the environment (getAuthConfig); with the
// default there, it deleted the session at minute 30 and ended every socket of the wall bench 15 s before its end.
process.env.SESSION_IDLE_MINUTES = String(24 * 60);
process.env.SESSION_MAX_HOURS = "24";
const server = await createStationServer({
  db,
  log: silentLogger,
  auth: toAuthConfig(ZAuthEnv.parse(process.env)),
});
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
  phase: "aligned",
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
    // Packets waiting in each socket's engine.io write buffer: what a client slower than the broadcasts costs here.
    const sockets = [...server.realtime.io.sockets.sockets.values()];
    const pending = sockets.map((s) => (s.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length);
    const buffered = sockets.map(
      (s) =>
        (s.conn as unknown as { transport: { socket?: { bufferedAmount?: number } } }).transport.socket
          ?.bufferedAmount ?? 0,
    );
    process.stderr.write(
      `mem rss=${Math.round(m.rss / 1e6)} MB heapUsed=${Math.round(m.heapUsed / 1e6)} MB sockets=${pending.length} pending packets total=${pending.reduce((a, b) => a + b, 0)} max=${Math.max(0, ...pending)} ws buffered=${Math.round(buffered.reduce((a, b) => a + b, 0) / 1e6)} MB external=${Math.round(m.external / 1e6)} MB arrayBuffers=${Math.round(m.arrayBuffers / 1e6)} MB\n`,
    );
  }, 10_000);
}
