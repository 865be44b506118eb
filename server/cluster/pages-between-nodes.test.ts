import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { Server } from "socket.io";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TCommittedPage } from "@/lib/changes/change";
import { encodeCommittedPage } from "@/lib/changes/committed-page-wire";
import { listenForCommits } from "@/lib/db/changes/announce-commit";
import { createDb, type Db } from "@/lib/db/client";
import { insertObservations } from "@/lib/db/observations/insert-observations";
import type * as ReadChangesSince from "@/lib/db/changes/read-changes-since";
import type { Logger } from "@/lib/log/logger";
import type { TObservationDto } from "@/lib/observations/observation";
import type { TValidReading } from "@/lib/observations/validate-reading";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { recordedReadings } from "@/test/support/recorded-readings";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";
import type { StationIo } from "../realtime/attach-realtime";
import type { Leadership } from "./leadership";
import { attachRedisAdapter, connectRedis, type TRedisLink } from "./connect-redis";

/** Every read of the logs, by database client, with the readings' seqs it found. */
const reads = vi.hoisted(() => [] as { db: unknown; seqs: number[] }[]);
vi.mock("@/lib/db/changes/read-changes-since", async (importOriginal) => {
  const original: typeof ReadChangesSince = await importOriginal();
  return {
    ...original,
    readChangesSince: async (args: Parameters<typeof original.readChangesSince>[0]) => {
      const page = await original.readChangesSince(args);
      reads.push({ db: args.db, seqs: page.changes.flatMap((c) => (c.log === "observation" ? [c.seq] : [])) });
      return page;
    },
  };
});

/*
 * Two station nodes in this process on one PostgreSQL database, with Redis between them (docs/deployment.md): a commit
 * of readings on one travels to the other with its page (lib/changes/committed-page-wire.ts), which the other's feed
 * takes instead of reading the rows back; a page that does not hold together is refused, and the logs read instead.
 * Skipped without REDIS_URL (`npm run test:unit:pg` sets it).
 */
const url = process.env.REDIS_URL;
/** Neither node leads: no alarm engine writes beside the readings. */
const follower = (nodeId: string): Leadership => ({
  nodeId,
  shared: true,
  current: () => null,
  onChange: () => undefined,
  stop: () => Promise.resolve(),
});

let t: TestDb;
let world: TestEpisode;
let dbB: Db;
const links: TRedisLink[] = [];
const stations: TTestStation[] = [];
const sockets: TestSocket[] = [];
let warnings: string[] = [];
let prefix = "";
beforeEach(async () => {
  if (!url) return;
  reads.length = 0;
  warnings = [];
  prefix = `pages-${randomUUID().slice(0, 8)}`;
  t = await createPostgresTestDb();
  world = await seedTestEpisode(t.db);
  dbB = await createDb(t.url);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const station of stations.splice(0)) await station.close();
  for (const link of links.splice(0)) await link.close();
  if (!url) return;
  await dbB.$disconnect();
  await t.cleanup();
});

const log: Logger = { error: () => undefined, warn: (m) => void warnings.push(m), info: () => undefined };

async function node(db: Db, name: string): Promise<TTestStation> {
  const redis = await connectRedis(url ?? "", log, prefix);
  links.push(redis);
  const station = await startTestStation({ db, log, leadership: follower(name), redis });
  stations.push(station);
  return station;
}

/** A nurse's screen following the unit on `station`: the readings it is told. */
async function screen(station: TTestStation): Promise<TObservationDto[]> {
  const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
  const socket = connectTestSocket(station.base, { cookie: nurse.cookie });
  sockets.push(socket);
  expect(await handshake(socket)).toEqual({ connected: true });
  const told: TObservationDto[] = [];
  socket.on("observation:recorded", (message) => told.push(...recordedReadings(message)));
  await socket.timeout(5_000).emitWithAck("unit:subscribe", { unitId: world.unitId, sinceSeq: 1e12 });
  return told;
}

let n = 0;
const readings = (count: number): TValidReading[] =>
  Array.from({ length: count }, () => ({
    ...world,
    parameter: "map" as const,
    value: 60 + (n % 20),
    unit: "mm[Hg]",
    observedAt: new Date(Date.now() - 60_000 + (n += 1)),
    source: "device" as const,
    sourceRef: `between-${n}`,
  }));

describe.skipIf(!url)("a page of readings between nodes", () => {
  it("reaches a screen on the other node without that node reading the rows back", async () => {
    const a = await node(t.db, "node-a");
    const b = await node(dbB, "node-b");
    const told = await screen(a);
    const results = await b.server.writer.submitValid(readings(12));
    const seqs = results.map((r) => (r.status === "stored" ? r.seq : -1));
    expect(seqs.every((s) => s > 0)).toBe(true);
    await expect.poll(() => told.map((o) => o.seq)).toEqual(seqs);
    await a.server.changes.caughtUp();
    expect(a.server.changes.cursor.observation).toBe(seqs.at(-1));
    // Node A's feed read the logs (its poll, its start) but never found these rows there: it had them from B.
    expect(reads.filter((r) => r.db === t.db).flatMap((r) => r.seqs)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("refuses a page that does not hold together, says so, and reads the logs instead", async () => {
    const a = await node(t.db, "node-a");
    const told = await screen(a);
    // Committed by a client no station listens to, so that only the forged message tells of it.
    const quiet = await createDb(t.url);
    let page: TCommittedPage | undefined;
    const stop = listenForCommits(quiet, (p) => (page = p));
    await insertObservations({ db: quiet, readings: readings(3), receivedAt: new Date() });
    stop();
    await quiet.$disconnect();
    const wire = encodeCommittedPage(page as TCommittedPage);
    if (!wire) throw new Error("the commit was announced without a page");
    const forger = new Server(createServer()) as unknown as StationIo;
    const forgerLink = await connectRedis(url ?? "", log, prefix);
    links.push(forgerLink);
    attachRedisAdapter(forger, forgerLink);
    // Values that were never stored, under a span that claims an alarm event.
    forger.serverSideEmit("changes:committed", {
      ...wire,
      to: { ...wire.to, alarm: wire.to.alarm + 1 },
      readings: { ...wire.readings, value: wire.readings.value.map(() => 999) },
    });
    await expect.poll(() => told.length).toBe(3);
    const stored = await t.db.observation.findMany({ orderBy: { seq: "asc" } });
    expect(told.map((o) => [o.seq, o.value])).toEqual(stored.map((r) => [Number(r.seq), r.value]));
    expect(told.some((o) => o.value === 999)).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/could not be read \(its span does not match its readings\)/)]);
    expect(reads.filter((r) => r.db === t.db).flatMap((r) => r.seqs)).toEqual(stored.map((r) => Number(r.seq)));
    await forger.close();
  });
});
