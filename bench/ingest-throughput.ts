import Database from "better-sqlite3";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";
import type { TReadingInput } from "@/lib/observations/reading";
import { createStationServer } from "@/server/create-station-server";
import { silentLogger } from "@/lib/log/logger";
import { createTestDb } from "@/test/support/create-test-db";
import { BENCH_PARAMETERS, seedBenchWorld, signInBenchNurse } from "./world";

/**
 * Sustained ingest through the whole write path (validate → batch → commit → broadcast to a subscribed client),
 * beside raw better-sqlite3 batched inserts into the same schema as the ceiling.
 */
export async function benchIngestThroughput(total: number): Promise<Record<string, number>> {
  const t = await createTestDb();
  const episodes = await seedBenchWorld(t.db);
  const cookie = await signInBenchNurse(t.db);
  const server = await createStationServer({ db: t.db, log: silentLogger });
  const { port } = await server.listen(0, "127.0.0.1");
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    extraHeaders: { cookie },
  });
  let broadcast = 0;
  socket.on("observation:recorded", ({ observations }) => (broadcast += observations.length));
  await new Promise<void>((resolve) =>
    socket.on("connect", () => socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 0 }, () => resolve())),
  );

  const base = Date.now() - 3_600_000;
  const make = (i: number): TReadingInput => {
    const [parameter, unit, value] = BENCH_PARAMETERS[i % BENCH_PARAMETERS.length]!;
    const episodeId = episodes[Math.floor(i / BENCH_PARAMETERS.length) % episodes.length]!;
    return {
      episodeId,
      parameter,
      unit,
      value,
      observedAt: new Date(base + Math.floor(i / 768) * 1000),
      source: "device",
      sourceRef: `b-${i}`,
    };
  };

  const chunk = 768; // one second of the 64-bed unit
  const inFlight = 4;
  const started = performance.now();
  let next = 0;
  const producer = async () => {
    while (next < total) {
      const from = next;
      next += chunk;
      const readings = Array.from({ length: Math.min(chunk, total - from) }, (_, k) => make(from + k));
      await server.writer.submit(readings);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, producer));
  const persistedMs = performance.now() - started;
  while (broadcast < total && performance.now() - started < persistedMs * 3 + 5000)
    await new Promise((r) => setTimeout(r, 5));
  const broadcastMs = performance.now() - started;
  socket.close();
  await server.close();
  await t.cleanup();

  // The ceiling: the same rows, same indexes, one prepared statement in transactions of 768.
  const raw = await createTestDb();
  await seedBenchWorld(raw.db);
  await raw.db.$disconnect();
  const db = new Database(raw.path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const insert = db.prepare(
    `INSERT INTO "Observation" ("episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef") VALUES (?,?,?,?,?,?,?,?,?,?)`,
  );
  const tx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = make(i);
      const bed = r.episodeId.replace("bench-e-", "bench-bed-");
      insert.run(
        r.episodeId,
        bed,
        "bench-unit",
        r.parameter,
        r.value,
        r.unit,
        r.observedAt.getTime(),
        Date.now(),
        r.source,
        r.sourceRef,
      );
    }
  });
  const rawStart = performance.now();
  for (let from = 0; from < total; from += chunk) tx(from, Math.min(total, from + chunk));
  const rawMs = performance.now() - rawStart;
  db.close();
  await raw.cleanup();

  const writePath = (total / persistedMs) * 1000;
  const ceiling = (total / rawMs) * 1000;
  return {
    readings: total,
    writePathPersistedPerSec: Math.round(writePath),
    writePathBroadcastPerSec: Math.round((broadcast / broadcastMs) * 1000),
    broadcastDelivered: broadcast,
    rawBetterSqlitePerSec: Math.round(ceiling),
    ratioToCeiling: Number((writePath / ceiling).toFixed(2)),
  };
}
