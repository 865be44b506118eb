import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { freePort } from "@/test/support/station-node";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { frameMllp, MllpFramer } from "./imports/mllp/mllp-framer";
import { applyMigrations } from "./migrate";

/**
 * The kill test (issue 18, part 8): SIGKILL at seeded random moments while readings are written, to the real station
 * process (server/index.ts, without Next) and to the import CLI (`npm run import`'s launcher), each on a fresh SQLite
 * file. An acknowledged reading is one the station answered AA for over MLLP (the ACK is sent after commit), or one a
 * CLI job recorded as accepted (its counts are those of committed batches). After each kill: every acknowledged reading
 * is present and the file passes `PRAGMA integrity_check`; at the end, sending or importing everything again adds
 * nothing. Each part takes 80–90 s on a quiet 2-core machine (the station's six starts and the CLI's seven launches
 * are most of it), up to 5 minutes on a loaded one: hence the generous timeouts.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const KILLS = Number(process.env.KILL_TEST_KILLS ?? "5");
const SEED = Number(process.env.KILL_TEST_SEED ?? "20261203");

/** mulberry32: a small seeded generator, so that a failing run's kill moments can be replayed with its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kill-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freshDatabase(name: string): Promise<{ url: string; file: string }> {
  const file = path.join(dir, name);
  const url = `file:${file}`;
  await applyMigrations(url, ROOT);
  const db = await createDb(url);
  await seedImportPatients(db, [{ identifier: "MRN-1", episodeStartedAt: new Date("2026-01-01T00:00:00Z") }]);
  await db.$disconnect();
  return { url, file };
}

function inspect(file: string): { refs: Set<string>; count: number; integrity: unknown } {
  const raw = new Database(file, { readonly: true });
  try {
    const rows = raw.prepare(`SELECT "sourceRef" AS ref FROM "Observation"`).all() as { ref: string }[];
    return {
      refs: new Set(rows.map((r) => r.ref)),
      count: rows.length,
      integrity: raw.pragma("integrity_check", { simple: true }),
    };
  } finally {
    raw.close();
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once("exit", () => resolve()),
  );

describe("SIGKILL during writes", () => {
  it("loses no reading the station acknowledged over MLLP, and a re-send adds nothing", async () => {
    const random = seeded(SEED);
    const { url, file } = await freshDatabase("station.db");
    const port = await freePort();
    const mllpPort = await freePort();
    const start = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: url,
            PORT: String(port),
            MLLP_PORT: String(mllpPort),
            SERVE_NEXT: "0",
            DEMO: "0",
            SIMULATOR: "0",
            NODE_ENV: "production",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        const onData = (d: Buffer) => {
          output += d.toString();
          if (output.includes("HL7 MLLP listener")) resolve(child);
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", onData);
        child.once("exit", (code) => reject(new Error(`the station exited (${code}) before it was ready: ${output}`)));
      });

    // Each message carries one lactate at its own minute, so that no two are the same reading.
    const message = (n: number) =>
      [
        `MSH|^~\\&|KILLTEST|LAB|STATION|ICU|20260102000000+0000||ORU^R01|KILL-${n}|P|2.5.1`,
        "PID|||MRN-1^^^LAB^MR",
        `OBR|1|ORD-${n}|FIL-${n}|LAB|||20260102000000+0000`,
        `OBX|1|NM|2524-7^Lactate^LN||${(1 + (n % 40) / 10).toFixed(1)}|mmol/L|||||F|||${new Date(Date.parse("2026-01-02T00:00:00Z") + n * 60_000).toISOString().replace(/[-:T]/g, "").slice(0, 14)}+0000`,
      ].join("\r");
    const refOf = (n: number) => `hl7:KILLTEST@LAB:20260102000000+0000:KILL-${n}:1:1`;
    const acknowledged = new Set<number>();
    let next = 0;

    /** Sends messages one after the other on one connection until it breaks; resolves with the ACKs' verdicts. */
    const sender = (numbers?: number[]) =>
      new Promise<string[]>((resolve) => {
        const verdicts: string[] = [];
        const socket: Socket = connect(mllpPort, "127.0.0.1");
        const framer = new MllpFramer();
        let current = -1;
        const queue = numbers ? [...numbers] : undefined;
        const sendNext = () => {
          const n = queue ? queue.shift() : next++;
          if (n === undefined) return void socket.end();
          current = n;
          socket.write(frameMllp(message(n)));
        };
        socket.on("data", (data: Buffer) => {
          for (const ack of framer.push(data)) {
            const msa =
              ack
                .split("\r")
                .find((s) => s.startsWith("MSA|"))
                ?.split("|") ?? [];
            verdicts.push(msa.slice(1).join("|"));
            if (msa[1] === "AA" && msa[2] === `KILL-${current}`) acknowledged.add(current);
            sendNext();
          }
        });
        socket.on("connect", sendNext);
        socket.on("error", () => undefined);
        socket.on("close", () => resolve(verdicts));
      });

    let child = await start();
    const killed: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const senders = [sender(), sender()];
      // A random moment while both connections write: 150–1,150 ms after the station is ready.
      const delay = 150 + Math.floor(random() * 1_000);
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited(child);
      await Promise.all(senders);
      killed.push(delay);
      const after = inspect(file);
      expect(after.integrity).toBe("ok");
      const lost = [...acknowledged].filter((n) => !after.refs.has(refOf(n)));
      expect(lost, `acknowledged readings missing after kill ${kill + 1}`).toEqual([]);
      child = await start();
    }

    // Everything sent again, acknowledged or not: the restarted station stores what never committed, and nothing twice.
    const sent = Array.from({ length: next }, (_, n) => n);
    const verdicts = await sender(sent);
    child.kill("SIGKILL");
    await exited(child);
    const end = inspect(file);
    expect(verdicts.filter((v) => !v.startsWith("AA"))).toEqual([]);
    expect(end.count).toBe(next);
    expect(end.integrity).toBe("ok");
    expect([...acknowledged].filter((n) => !end.refs.has(refOf(n)))).toEqual([]);
    console.info(
      `kill test, station: ${killed.length} kills (seed ${SEED}, after ${killed.join(", ")} ms), ${acknowledged.size} readings acknowledged, 0 lost, ${next} sent, ${end.count} stored after re-sending all`,
    );
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  }, 300_000);

  it("loses no batch an import CLI job recorded, and a re-import adds nothing", async () => {
    const random = seeded(SEED + 1);
    const { url, file } = await freshDatabase("cli.db");
    const ROWS = 15_000;
    const BATCH = 1_000;
    const lines = ["patient_id,parameter,value,unit,observed_at"];
    const start = Date.parse("2026-01-02T00:00:00Z");
    for (let i = 0; i < ROWS; i++)
      lines.push(
        `MRN-1,ecmo_flow,${(3 + (i % 100) / 100).toFixed(2)},L/min,${new Date(start + i * 10_000).toISOString()}`,
      );
    const csv = path.join(dir, "flows.csv");
    writeFileSync(csv, lines.join("\n"));
    const cli = () =>
      spawn(process.execPath, ["server/imports/launch-cli.js", csv, "--batch-size", String(BATCH)], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      });
    /** What the jobs recorded as accepted: committed with their batch, so acknowledged. */
    const recorded = () => {
      const raw = new Database(file, { readonly: true });
      try {
        return (raw.prepare(`SELECT COALESCE(SUM("accepted"), 0) AS n FROM "ImportJob"`).get() as { n: number }).n;
      } finally {
        raw.close();
      }
    };
    const count = () => {
      try {
        return inspect(file).count;
      } catch {
        return 0; // the file is being opened or locked at this instant
      }
    };

    const killed: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const before = count();
      const child = cli();
      // Once the first batch of this run is in, a random moment within the next 600 ms.
      while (count() === before && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
      const delay = Math.floor(random() * 600);
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited(child);
      killed.push(delay);
      const after = inspect(file);
      expect(after.integrity).toBe("ok");
      // Whole batches only, and at least every batch a job recorded.
      expect(after.count % BATCH).toBe(0);
      expect(after.count).toBeGreaterThanOrEqual(recorded());
    }

    const run = async () => {
      const child = cli();
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      await exited(child);
      return { code: child.exitCode, output };
    };
    const stored = count();
    const complete = await run();
    expect(complete.code, complete.output).toBe(0);
    expect(complete.output).toContain(`accepted ${ROWS - stored}  rejected 0  duplicate ${stored}`);
    const again = await run();
    expect(again.output).toContain(`accepted 0  rejected 0  duplicate ${ROWS}`);
    const end = inspect(file);
    expect(end.count).toBe(ROWS);
    expect(end.integrity).toBe("ok");
    console.info(
      `kill test, import CLI: ${killed.length} kills (seed ${SEED + 1}, ${killed.join(", ")} ms after a first commit), ${stored} rows stored before the last run, 0 lost, re-import added 0`,
    );
  }, 300_000);
});
