import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { TObservationDto } from "@/lib/observations/observation";
import type { TAlarmsChanged, TReplayAnswer } from "@/lib/realtime/events";
import { createDb } from "@/lib/db/client";
import { createStationServer, type StationServer } from "../create-station-server";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import { silentLogger } from "@/lib/log/logger";
import { connectTestSocket, type TestSocket as ClientSocket } from "@/test/support/connect-test-socket";
import { createTestDb, readOnOtherConnection } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { recordedReadings } from "@/test/support/recorded-readings";
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * The client side of the contract, as a screen does it: on every connect, subscribe from the last applied sequence
 * number and page through the replay; live events received meanwhile are applied after it; a seq is applied once.
 */
function follow(socket: ClientSocket, unitId: string) {
  const applied: TObservationDto[] = [];
  let lastSeq = 0;
  let buffering = false;
  let buffer: TObservationDto[] = [];
  const apply = (list: TObservationDto[]) => {
    for (const o of [...list].sort((a, b) => a.seq - b.seq)) {
      if (o.seq <= lastSeq) continue;
      applied.push(o);
      lastSeq = o.seq;
    }
  };
  socket.on("observation:recorded", (recorded) => {
    const observations = recordedReadings(recorded);
    if (buffering) buffer.push(...observations);
    else apply(observations);
  });
  socket.on("connect", () => {
    buffering = true;
    const page = () =>
      socket.emit("unit:subscribe", { unitId, sinceSeq: lastSeq }, (answer: TReplayAnswer) => {
        if (!answer.ok) throw new Error(answer.error.message);
        apply(answer.observations);
        if (answer.more) return page();
        apply(buffer);
        buffer = [];
        buffering = false;
      });
    page();
  });
  return { applied, lastSeq: () => lastSeq };
}

describe("real-time channel", () => {
  it("broadcasts a committed reading to the unit's room and answers a forged subscribe with a reason", async () => {
    const t = await createTestDb();
    cleanups.push(() => t.cleanup());
    const ep = await seedTestEpisode(t.db);
    const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [ep.unitId] });
    const server: StationServer = await createStationServer({ db: t.db, log: silentLogger });
    const { port } = await server.listen(0, "127.0.0.1");
    cleanups.push(() => server.close());
    const socket: ClientSocket = connectTestSocket(`http://127.0.0.1:${port}`, { cookie: nurse.cookie });
    cleanups.push(() => void socket.close());
    const feed = follow(socket, ep.unitId);
    await waitFor(() => socket.connected);

    const forged = (await socket
      .timeout(2000)
      .emitWithAck("unit:subscribe", { unitId: 42, sinceSeq: -1 } as never)) as TReplayAnswer;
    expect(forged).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    const unknown = (await socket
      .timeout(2000)
      .emitWithAck("unit:subscribe", { unitId: "nowhere", sinceSeq: 0 })) as TReplayAnswer;
    expect(unknown).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    await new Promise((r) => setTimeout(r, 100));
    const [result] = await server.writer.submit([
      {
        episodeId: ep.episodeId,
        parameter: "ecmo_flow",
        value: 3.2,
        unit: "L/min",
        observedAt: new Date(),
        source: "device",
        sourceRef: "one",
      },
    ]);
    expect(result?.status).toBe("stored");
    await waitFor(() => feed.applied.length === 1);
    expect(feed.applied[0]).toMatchObject({
      parameter: "ecmo_flow",
      value: 3.2,
      seq: result?.status === "stored" ? result.seq : -1,
    });
  });

  it("tells a screen, and the alarm engine, of a reading another process committed (the import CLI's connection)", async () => {
    const t = await createTestDb();
    cleanups.push(() => t.cleanup());
    const ep = await seedTestEpisode(t.db);
    const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [ep.unitId] });
    const server = await createStationServer({ db: t.db, log: silentLogger, alarmTickMs: 0 });
    const { port } = await server.listen(0, "127.0.0.1");
    cleanups.push(() => server.close());
    const socket: ClientSocket = connectTestSocket(`http://127.0.0.1:${port}`, { cookie: nurse.cookie });
    cleanups.push(() => void socket.close());
    const feed = follow(socket, ep.unitId);
    const alarms: TAlarmsChanged[] = [];
    socket.on("alarm:changed", (change) => alarms.push(change));
    await waitFor(() => socket.connected);
    await socket.timeout(5_000).emitWithAck("alarm:subscribe", { unitId: ep.unitId, sinceSeq: 0 });

    // Its own client on the same file, as the CLI opens it: nothing of this server's is in its reach.
    const elsewhere = await createDb(t.url);
    cleanups.push(() => elsewhere.$disconnect());
    const cli = new ObservationWriter({ db: elsewhere, episodes: new EpisodeDirectory(elsewhere) });
    const [result] = await cli.submit([
      {
        episodeId: ep.episodeId,
        parameter: "lactate",
        value: 4.6,
        unit: "mmol/L",
        observedAt: new Date(Date.now() - 1_000),
        source: "csv",
        sourceRef: "cli-1",
      },
    ]);
    expect(result?.status).toBe("stored");
    await waitFor(() => feed.applied.length === 1);
    expect(feed.applied[0]).toMatchObject({
      parameter: "lactate",
      value: 4.6,
      source: "csv",
      seq: result?.status === "stored" ? result.seq : -1,
    });
    await waitFor(() => alarms.some((c) => c.alarms.some((a) => a.ruleId === "lactate-high")));
    expect(await t.db.alarm.findFirst({ where: { ruleId: "lactate-high" } })).toMatchObject({
      status: "active",
      raisedBySeq: BigInt(result?.status === "stored" ? result.seq : -1),
    });
  });

  it("after the server is killed with SIGKILL and restarted, a client receives exactly the readings it missed", async () => {
    const t = await createTestDb();
    cleanups.push(() => t.cleanup());
    const ep = await seedTestEpisode(t.db);
    // Sessions live in the database, so the restarted server still knows this screen's.
    const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [ep.unitId] });
    const port = await freePort();
    const start = () => {
      const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "test/support/run-test-server.ts"], {
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          PORT: String(port),
          TEST_EPISODE: ep.episodeId,
          PRODUCE_EVERY_MS: "15",
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      cleanups.push(() => void child.kill("SIGKILL"));
      return new Promise<ChildProcess>((resolve) =>
        child.stdout?.on("data", (d: Buffer) => d.toString().includes("READY") && resolve(child)),
      );
    };

    let child = await start();
    const socket: ClientSocket = connectTestSocket(`http://127.0.0.1:${port}`, {
      cookie: nurse.cookie,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
    });
    cleanups.push(() => void socket.close());
    const feed = follow(socket, ep.unitId);
    await waitFor(() => feed.applied.length >= 20);

    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const seenBeforeKill = feed.lastSeq();
    child = await start();
    await waitFor(() => feed.applied.length >= 80, 20_000);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // Readings the second server committed but had not yet broadcast come with the next reconnect; here we compare
    // with the database up to what the client has applied.
    const stored = (
      await readOnOtherConnection<{ seq: number }>(
        t,
        `SELECT "seq" FROM "Observation" WHERE "seq" <= ${Math.trunc(feed.lastSeq())} ORDER BY "seq"`,
      )
    ).map((r) => r.seq);
    const received = feed.applied.map((o) => o.seq);
    expect(received).toEqual(stored);
    expect(new Set(received).size).toBe(received.length);
    expect(received.some((s) => s > seenBeforeKill)).toBe(true);
    // Two starts of a server in a process of its own, and 100 readings through them: longer than the default on a
    // busy machine (it timed out so on PostgreSQL, at each step slower than on a SQLite file).
  }, 150_000);
});
