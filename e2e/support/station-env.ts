import path from "node:path";
import { DEMO_SCENARIO_ORDER } from "../../lib/db/demo/demo-profiles";
import { e2eDatabaseEnv } from "./e2e-database";

/**
 * How the end-to-end tests run the station: one production build in its own dist dir (so that a developer's `.next`
 * is left alone), served by the custom server (server/index.ts) in demo mode with a fast simulator.
 */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The build the webServer makes once; second servers started by a test reuse it instead of building again. */
export const E2E_DIST_DIR = ".next-e2e";

/** Databases of the end-to-end servers live here: data/ is ignored by git, and each run starts them afresh. */
export const E2E_DATA_DIR = "data/e2e";

/** The shared server of the whole run (playwright.config.ts's webServer). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/** Named after the port, so that runs on other ports (other worktrees) keep their own database, on either engine. */
export const E2E_DB_FILE = `${E2E_DATA_DIR}/station-${E2E_PORT}.db`;

export const DEMO_UNIT_ID = "demo-icu";
export const DEMO_BED_COUNT = 8;
/** The demo leaves a bed free for a first admission (lib/db/demo/demo-profiles.ts DEMO_SCENARIO_ORDER, issue 15). */
export const DEMO_FREE_BED = "demo-bed-7";

/** How many beds of a demo unit of `beds` beds are free: the null entries of the scenario order, repeated. */
export function demoFreeBedCount(beds: number): number {
  return Array.from({ length: beds }, (_, i) => DEMO_SCENARIO_ORDER[i % DEMO_SCENARIO_ORDER.length]).filter(
    (s) => s === null,
  ).length;
}

/**
 * One simulator tick a second: device values visibly move every second, and a cut feed turns stale 3 × 5 s after
 * its last reading (CLINICAL_LIMITS.staleFactor × the catalogue's shortest device interval).
 */
export const SIMULATOR_TICK_MS = 1_000;

export interface TStationEnvOptions {
  readonly port: number;
  /** Relative to the repository root, e.g. data/e2e/station.db; on PostgreSQL it names the database (e2e-database.ts). */
  readonly dbFile: string;
  readonly beds?: number;
}

/**
 * Every variable server/env.ts reads, set explicitly: a developer's shell (DEMO_BEDS=32, a DATABASE_URL of their
 * own) must not change what the tests see.
 */
export function stationEnv({ port, dbFile, beds = DEMO_BED_COUNT }: TStationEnvOptions): Record<string, string> {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    ...e2eDatabaseEnv(dbFile),
    DEMO: "true",
    SIMULATOR: "true",
    SIMULATOR_SPEED: "1",
    SIMULATOR_TICK_MS: String(SIMULATOR_TICK_MS),
    DEMO_BEDS: String(beds),
    SERVE_NEXT: "true",
    NEXT_DIST_DIR: E2E_DIST_DIR,
    // No network from the build or the server (docs/stack.md: only the registries can be reached).
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
