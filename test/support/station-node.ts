import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { connect, createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { frameMllp, MllpFramer } from "@/server/imports/mllp/mllp-framer";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface TStationNode {
  name: string;
  port: number;
  mllpPort: number;
  base: string;
  process: ChildProcess;
  /** Everything the process printed, for a failure's message. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * A station node as production runs it: `node --import tsx server/index.ts` in a process of its own, without Next
 * (SERVE_NEXT=0: the socket and the Node routes are what several nodes share), with an MLLP listener as the
 * readings' way in. Resolves once the node says it is ready.
 */
export async function startStationNode({
  name,
  env,
}: {
  name: string;
  /** DATABASE_URL and the rest; PORT and MLLP_PORT are free ports found here. */
  env: Record<string, string>;
}): Promise<TStationNode> {
  const port = await freePort();
  const mllpPort = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      SERVE_NEXT: "0",
      DEMO: "0",
      SIMULATOR: "0",
      NODE_ID: name,
      PORT: String(port),
      MLLP_PORT: String(mllpPort),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node ${name} not ready in 90 s:\n${output}`)), 90_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (!output.includes("HL7 MLLP listener on")) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => reject(new Error(`node ${name} exited before it was ready:\n${output}`)));
  });
  return {
    name,
    port,
    mllpPort,
    base: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    exited,
  };
}

/** A PostgreSQL database of its own for a run's leader lock (advisory locks are per database): none is shared. */
export async function createLockDatabase(
  adminUrl = process.env.LEADER_LOCK_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `station_lock_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** One HL7 v2 message over MLLP; resolves with the ACK's MSA-1 (AA when committed), rejects if the node is gone. */
export function sendHl7(port: number, message: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const framer = new MllpFramer();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("no ACK in time"));
    }, timeoutMs);
    socket.on("data", (data: Buffer) => {
      const ack = framer.push(data)[0];
      if (ack === undefined) return;
      clearTimeout(timer);
      socket.end();
      const msa = ack.split("\r").find((segment) => segment.startsWith("MSA|"));
      resolve(msa?.split("|")[1] ?? "none");
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("connect", () => socket.write(frameMllp(message)));
  });
}

/** HL7 TS with milliseconds, UTC. */
export function hl7Time(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 23)}+0000`;
}

/**
 * An ORU^R01 carrying device readings of one patient, coded with the station's own code system (a parameter's
 * catalogue code), each with its catalogue unit.
 */
export function deviceReadingsMessage({
  controlId,
  patient,
  at,
  readings,
}: {
  controlId: string;
  patient: string;
  at: Date;
  readings: readonly { parameter: string; value: number; unit: string }[];
}): string {
  const time = hl7Time(at);
  return [
    `MSH|^~\\&|GATEWAY|ICU||STATION|${time}||ORU^R01^ORU_R01|${controlId}|P|2.5.1`,
    `PID|1||${patient}^^^CHU^MR||Test^Patient`,
    `OBR|1|${controlId}|${controlId}|devices^Device readings^ECMO-STATION|||${time}`,
    ...readings.map(
      (r, i) => `OBX|${i + 1}|NM|${r.parameter}^${r.parameter}^ECMO-STATION||${r.value}|${r.unit}|||||F|||${time}`,
    ),
  ].join("\r");
}

/** A port free now (a listener on 0, closed): the node listens on it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
