import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/server/migrate";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import {
  createLockDatabase,
  deviceReadingsMessage,
  freePort,
  sendHl7,
  startStationNode,
  type TStationNode,
} from "@/test/support/station-node";
import { recordedReadings } from "@/test/support/recorded-readings";

/**
 * docs/deployment/haproxy.cfg as it is, in front of two real nodes: both taken in once their readiness answers,
 * socket.io's long polling kept on one node (its session is known to that node only), a WebSocket screen through the
 * proxy receiving a reading committed on the other node, an oversized upload refused, a killed node left out while
 * readiness through the proxy keeps answering, and, while Redis is away (every node unready), the nodes still served.
 * The steps run in order on the same proxy and nodes (the last two take node b, then Redis, away). The nodes reach
 * Redis through a relay of the test's own, so that Redis can be cut for them alone. Needs HAProxy
 * (/usr/sbin/haproxy), REDIS_URL and PostgreSQL as the two-node test does; skipped, and so reported, without them.
 */
const HAPROXY = "/usr/sbin/haproxy";
const ROOT = path.resolve(import.meta.dirname, "../..");
const UNIT = "import-unit";

const nodes: TStationNode[] = [];
const sockets: TestSocket[] = [];
let haproxy: ChildProcess | undefined;
let haproxyLog = "";
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.close();
  haproxy?.kill("SIGTERM");
  for (const node of nodes) if (node.process.exitCode === null) node.process.kill("SIGKILL");
  await Promise.all(nodes.map((n) => n.exited));
  for (const step of cleanup) await step();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 15_000, detail = () => "") => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (haproxy?.exitCode != null) throw new Error(`haproxy exited:\n${haproxyLog}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${detail()}\nhaproxy:\n${haproxyLog}`);
    await pause(100);
  }
};

/** A TCP relay to Redis whose connections can all be cut at once, and the relay closed, then opened again. */
async function startRedisRelay(redisUrl: string) {
  const target = new URL(redisUrl);
  const port = await freePort();
  const open = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        for (const socket of [client, upstream]) {
          open.add(socket);
          socket.on("close", () => open.delete(socket));
          socket.on("error", () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await listen();
  const url = new URL(redisUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    async cut() {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const socket of open) socket.destroy();
      await closed;
    },
    restore: listen,
  };
}

/** HAProxy's view of its servers (`show stat` on the stats socket): "backend/server" → UP, DOWN, … */
function serverStates(statsSocket: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const socket = connect(statsSocket);
    let text = "";
    socket.on("data", (data: Buffer) => (text += data.toString()));
    socket.on("error", reject);
    socket.on("end", () => {
      const [header = "", ...rows] = text.trim().split("\n");
      const columns = header.replace(/^# /, "").split(",");
      const at = (name: string) => columns.indexOf(name);
      const states = new Map<string, string>();
      for (const row of rows) {
        const cells = row.split(",");
        states.set(`${cells[at("pxname")]}/${cells[at("svname")]}`, cells[at("status")] ?? "");
      }
      resolve(states);
    });
    socket.write("show stat\n");
  });
}

/** The first line of the answer to request headers sent alone (the body never follows). */
function statusLineOf(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("no answer in 5 s"));
    }, 5_000);
    socket.on("data", (data: Buffer) => {
      text += data.toString();
      if (!text.includes("\r\n")) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(text.split("\r\n")[0] ?? "");
    });
    socket.on("error", reject);
  });
}

describe.skipIf(!process.env.REDIS_URL || !existsSync(HAPROXY))("HAProxy in front of two nodes", () => {
  let a: TStationNode;
  let b: TStationNode;
  let base = "";
  let proxyPort = 0;
  let statsSocket = "";
  let origin = "";
  let cookie = "";
  let redis: Awaited<ReturnType<typeof startRedisRelay>>;
  const ready = () => fetch(`${base}/api/ready`);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "station-haproxy-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const url = `file:${path.join(dir, "station.db")}`;
    await applyMigrations(url, ROOT);
    const db = await createDb(url);
    cleanup.push(() => db.$disconnect());
    await seedImportPatients(db, [{ identifier: "MRN-HAPROXY-1", episodeStartedAt: new Date(Date.now() - 3_600_000) }]);
    cookie = (await signInTestUser(db, { role: "nurse", unitIds: [UNIT] })).cookie;
    const lock = await createLockDatabase();
    cleanup.push(() => lock.drop());
    redis = await startRedisRelay(process.env.REDIS_URL ?? "");
    cleanup.push(() => redis.cut());
    proxyPort = await freePort();
    // The proxy's address is the one browsers see: the socket's Origin check compares with it.
    origin = `http://127.0.0.1:${proxyPort}`;
    const env = {
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      LEADER_LOCK_URL: lock.url,
      // A station of its own on the shared Redis: the other two-node tests' nodes run at the same time.
      REDIS_PREFIX: path.basename(dir),
      PUBLIC_ORIGIN: origin,
      TRUST_PROXY: "1",
    };
    a = await startStationNode({ name: "haproxy-a", env });
    nodes.push(a);
    b = await startStationNode({ name: "haproxy-b", env });
    nodes.push(b);

    statsSocket = path.join(dir, "haproxy.sock");
    const conf = readFileSync(path.join(ROOT, "docs/deployment/haproxy.cfg"), "utf8")
      .replaceAll("server a 127.0.0.1:3001", `server a 127.0.0.1:${a.port}`)
      .replaceAll("server b 127.0.0.1:3002", `server b 127.0.0.1:${b.port}`)
      .replace("bind :8080", `bind 127.0.0.1:${proxyPort}`)
      .replace("stats socket /run/haproxy-station.sock", `stats socket ${statsSocket}`);
    expect(conf).not.toMatch(/127\.0\.0\.1:300[12]|bind :8080|stats socket \/run\//);
    expect(conf).toContain(statsSocket);
    const confFile = path.join(dir, "haproxy.cfg");
    writeFileSync(confFile, conf);
    // -db: in the foreground, as the test's child.
    haproxy = spawn(HAPROXY, ["-db", "-f", confFile], { stdio: ["ignore", "pipe", "pipe"] });
    haproxy.stdout?.on("data", (d: Buffer) => (haproxyLog += d.toString()));
    haproxy.stderr?.on("data", (d: Buffer) => (haproxyLog += d.toString()));
    base = `http://127.0.0.1:${proxyPort}`;
  }, 180_000);

  it("takes both nodes in once they answer GET /api/ready, and answers readiness through the proxy", async () => {
    await waitFor("both nodes up behind the health check", async () => {
      const states = await serverStates(statsSocket).catch(() => new Map<string, string>());
      return states.get("station/a") === "UP" && states.get("station/b") === "UP";
    });
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: "ready" });
  });

  it("keeps a long-polling socket on the node that made it", async () => {
    // The handshake makes a session on one node; every later request of it must reach that node (the other answers
    // 400 "Session ID unknown").
    const opened = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin } });
    expect(opened.status).toBe(200);
    const sid = (JSON.parse((await opened.text()).slice(1)) as { sid: string }).sid;
    for (let i = 0; i < 6; i += 1) {
      const next = await fetch(`${base}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        method: "POST",
        headers: { cookie, origin, "content-type": "text/plain" },
        body: "3",
      });
      expect(next.status).toBe(200);
    }
  });

  it("carries a WebSocket screen that hears readings committed on either node", async () => {
    const socket = connectTestSocket(base, { cookie, origin });
    sockets.push(socket);
    expect(await handshake(socket)).toEqual({ connected: true });
    const heard: number[] = [];
    socket.on("observation:recorded", (recorded) => heard.push(...recordedReadings(recorded).map((o) => o.value)));
    const replay = await socket.emitWithAck("unit:subscribe", { unitId: UNIT, sinceSeq: 0 });
    expect(replay.ok).toBe(true);
    for (const [node, value] of [
      [a, 1.7],
      [b, 2.3],
    ] as const) {
      const message = deviceReadingsMessage({
        controlId: `HAPROXY-${node.name}`,
        patient: "MRN-HAPROXY-1",
        at: new Date(Date.now() - 60_000 + value * 1000),
        readings: [{ parameter: "lactate", value, unit: "mmol/L" }],
      });
      expect(await sendHl7(node.mllpPort, message)).toBe("AA");
    }
    for (let i = 0; heard.length < 2 && i < 100; i += 1) await pause(100);
    expect(heard.sort()).toEqual([1.7, 2.3]);
  });

  it("refuses an upload announced larger than 200 MB before any of it is sent", async () => {
    const head = [
      "POST /api/imports HTTP/1.1",
      `Host: 127.0.0.1:${proxyPort}`,
      `Cookie: ${cookie}`,
      "Content-Type: text/csv",
      `Content-Length: ${200 * 1024 * 1024 + 1}`,
      "",
      "",
    ].join("\r\n");
    expect(await statusLineOf(proxyPort, head)).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("leaves a killed node out within seconds, readiness answering from the live node meanwhile", async () => {
    b.process.kill("SIGKILL");
    await b.exited;
    const killedAt = Date.now();
    // Eight affinity keys (unknown session cookies: /api/ready is public), so that some hash to b.
    const probes = Array.from({ length: 8 }, (_, i) => `station_session=probe-${i}`);
    const statuses: number[] = [];
    await waitFor("node b marked down", async () => {
      for (const probe of probes)
        statuses.push((await fetch(`${base}/api/ready`, { headers: { cookie: probe } })).status);
      return (await serverStates(statsSocket)).get("station/b") === "DOWN";
    });
    // inter 1s, fall 2: two failed checks; the margin is for a loaded machine.
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    // Requests that hashed to b before the checks noticed went to a (redispatch): none failed.
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await serverStates(statsSocket)).get("station/a")).toBe("UP");
  });

  it("keeps serving while no node is ready (Redis away), and takes the nodes back when it returns", async () => {
    await redis.cut();
    await waitFor("node a unready and left out of the ready backend", async () => {
      return (await serverStates(statsSocket)).get("station/a") === "DOWN";
    });
    // The node answers, not HAProxy ("503 Service Unavailable, No server is available"): the screens are still
    // served. Waited for, not asked once: the request that follows the stats' DOWN by a few milliseconds may still be
    // given to the ready backend and get HAProxy's own 503.
    let answer: { status: number; body: string } | undefined;
    await waitFor(
      "the node's own answer through the proxy",
      async () => {
        const response = await ready();
        answer = { status: response.status, body: await response.text() };
        return answer.body.startsWith("{");
      },
      5_000,
      () => `last answer: ${answer?.status} ${answer?.body}\nnode a:\n${a.output().slice(-3_000)}`,
    );
    expect(answer?.status).toBe(503);
    expect(JSON.parse(answer?.body ?? "")).toMatchObject({ status: "not-ready", checks: { redis: "not connected" } });

    await redis.restore();
    await waitFor(
      "node a ready again",
      async () => (await serverStates(statsSocket)).get("station/a") === "UP" && (await ready()).status === 200,
      30_000,
    );
  }, 60_000);
});
