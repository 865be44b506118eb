import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { removeE2eDatabase, resetE2eDatabase } from "./e2e-database";
import { E2E_DATA_DIR, ROOT, stationEnv } from "./station-env";

/** The last lines a server printed, attached to a failed test: enough to see why it did not come up. */
const LOG_LINES = 200;

export interface TStationProcessOptions {
  /** Names the database file, so that a failed run's leftovers say which test made them. */
  readonly name: string;
  readonly beds?: number;
}

/**
 * A station server of a test's own (server/index.ts in a child process, on its own port and database), for what the
 * shared webServer must not be put through: being killed, or holding another number of beds. It serves the build
 * the webServer made (same NEXT_DIST_DIR): building again would cost a minute.
 */
export class StationProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: string[] = [];

  private constructor(
    readonly name: string,
    readonly port: number,
    readonly dbFile: string,
    private readonly beds: number | undefined,
  ) {}

  static async create({ name, beds }: TStationProcessOptions): Promise<StationProcess> {
    const port = await findFreePort();
    const dbFile = `${E2E_DATA_DIR}/${name}-${port}.db`;
    await resetE2eDatabase(dbFile);
    fs.mkdirSync(path.join(ROOT, E2E_DATA_DIR), { recursive: true });
    return new StationProcess(name, port, dbFile, beds);
  }

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /**
   * Starts the server (again, on the same port and database after a kill) and waits until it answers. 120 s: a 32-bed
   * demo seeds and backfills before it answers, and 60 s ran out on a shared two-core machine.
   */
  async start({ timeoutMs = 120_000 }: { timeoutMs?: number } = {}): Promise<void> {
    if (this.child) throw new Error(`${this.name}: already running`);
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...stationEnv({ port: this.port, dbFile: this.dbFile, beds: this.beds }) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const keep = (chunk: Buffer) => {
      this.log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      this.log.splice(0, Math.max(0, this.log.length - LOG_LINES));
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    // The fixture kills it after the test; this covers a worker that dies first, so no server outlives the run.
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    child.once("exit", (code, signal) => {
      process.off("exit", killOnExit);
      this.log.push(`[e2e] process exited (code ${code}, signal ${signal})`);
      if (this.child === child) this.child = null;
    });
    await this.waitUntilHealthy(timeoutMs);
  }

  /** Kills the server the hard way (SIGKILL): no shutdown hook runs, as when a machine or process dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill("SIGKILL");
    await this.exited;
  }

  /** Kills the server if it runs and removes its database: safe to call whatever state the test left it in. */
  async dispose(): Promise<void> {
    await this.kill();
    await removeE2eDatabase(this.dbFile);
  }

  output(): string {
    return this.log.join("\n");
  }

  private async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`${this.name}: the server exited while starting\n${this.output()}`);
      try {
        const response = await fetch(`${this.baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name}: no healthy answer on ${this.baseURL} within ${timeoutMs} ms\n${this.output()}`);
  }
}

/** A port the system just handed out: free now, and kept by the test for both starts of its server. */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
