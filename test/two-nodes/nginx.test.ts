import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
 * docs/deployment/nginx.conf as it is, in front of two real nodes: readiness through the proxy, socket.io's long
 * polling kept on one node (its session is known to that node only), and a WebSocket screen through the proxy
 * receiving a reading committed on the other node. Needs nginx (/usr/sbin/nginx), REDIS_URL and PostgreSQL as the
 * two-node test does; skipped, and so reported, without them.
 */
const NGINX = "/usr/sbin/nginx";
const ROOT = path.resolve(import.meta.dirname, "../..");
const UNIT = "import-unit";

const nodes: TStationNode[] = [];
const sockets: TestSocket[] = [];
let nginx: ChildProcess | undefined;
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.close();
  nginx?.kill("SIGTERM");
  for (const node of nodes) node.process.kill("SIGKILL");
  await Promise.all(nodes.map((n) => n.exited));
  for (const step of cleanup) await step();
});

describe.skipIf(!process.env.REDIS_URL || !existsSync(NGINX))("nginx in front of two nodes", () => {
  it("serves readiness, keeps a polling socket on one node, and carries WebSocket screens", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "station-nginx-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const url = `file:${path.join(dir, "station.db")}`;
    await applyMigrations(url, ROOT);
    const db = await createDb(url);
    cleanup.push(() => db.$disconnect());
    await seedImportPatients(db, [{ identifier: "MRN-NGINX-1", episodeStartedAt: new Date(Date.now() - 3_600_000) }]);
    const nurse = await signInTestUser(db, { role: "nurse", unitIds: [UNIT] });
    const lock = await createLockDatabase();
    cleanup.push(() => lock.drop());
    const proxyPort = await freePort();
    const env = {
      DATABASE_URL: url,
      REDIS_URL: process.env.REDIS_URL ?? "",
      LEADER_LOCK_URL: lock.url,
      // The proxy's address is the one browsers see: the socket's Origin check compares with it.
      PUBLIC_ORIGIN: `http://127.0.0.1:${proxyPort}`,
      TRUST_PROXY: "1",
    };
    const a = await startStationNode({ name: "nginx-a", env });
    nodes.push(a);
    const b = await startStationNode({ name: "nginx-b", env });
    nodes.push(b);

    const conf = readFileSync(path.join(ROOT, "docs/deployment/nginx.conf"), "utf8")
      .replace("server 127.0.0.1:3001", `server 127.0.0.1:${a.port}`)
      .replace("server 127.0.0.1:3002", `server 127.0.0.1:${b.port}`)
      .replace("listen 8080;", `listen 127.0.0.1:${proxyPort};`)
      .replace("pid /run/nginx-station.pid;", `pid ${path.join(dir, "nginx.pid")};`);
    expect(conf).toContain(`server 127.0.0.1:${b.port}`);
    const confFile = path.join(dir, "nginx.conf");
    writeFileSync(confFile, conf);
    nginx = spawn(NGINX, ["-p", dir, "-c", confFile, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    let nginxLog = "";
    nginx.stderr?.on("data", (d: Buffer) => (nginxLog += d.toString()));
    const base = `http://127.0.0.1:${proxyPort}`;
    for (let i = 0; ; i += 1) {
      const ready = await fetch(`${base}/api/ready`).catch(() => undefined);
      if (ready?.status === 200) break;
      if (i > 100) throw new Error(`nginx not answering:\n${nginxLog}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Long polling: the handshake makes a session on one node; every later request of it must reach that node
    // (the other answers 400 "Session ID unknown").
    const poll = (query: string) =>
      fetch(`${base}/socket.io/?EIO=4&transport=polling${query}`, {
        headers: { cookie: nurse.cookie, origin: env.PUBLIC_ORIGIN },
      });
    const opened = await poll("");
    expect(opened.status).toBe(200);
    const sid = (JSON.parse((await opened.text()).slice(1)) as { sid: string }).sid;
    for (let i = 0; i < 6; i += 1) {
      const next = await fetch(`${base}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        method: "POST",
        headers: { cookie: nurse.cookie, origin: env.PUBLIC_ORIGIN, "content-type": "text/plain" },
        body: "3",
      });
      expect(next.status).toBe(200);
    }

    // A WebSocket screen through the proxy hears a reading committed on node A and one committed on node B.
    const socket = connectTestSocket(base, { cookie: nurse.cookie, origin: env.PUBLIC_ORIGIN });
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
        controlId: `NGINX-${node.name}`,
        patient: "MRN-NGINX-1",
        at: new Date(Date.now() - 60_000 + value * 1000),
        readings: [{ parameter: "lactate", value, unit: "mmol/L" }],
      });
      expect(await sendHl7(node.mllpPort, message)).toBe("AA");
    }
    for (let i = 0; heard.length < 2 && i < 100; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.sort()).toEqual([1.7, 2.3]);
  }, 180_000);
});
