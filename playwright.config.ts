import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_DATA_DIR, E2E_DB_FILE, E2E_DIST_DIR, E2E_PORT, stationEnv } from "./e2e/support/station-env";

const CI = Boolean(process.env.CI);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

/**
 * The specs `npm run test:e2e:pg` runs again on PostgreSQL + Redis (E2E_DATABASE=postgres, e2e/support/e2e-database.ts):
 * the central station, alarms, a stay (admission to discharge) and the bed view cross every hot path that differs by
 * engine (the batch insert, series buckets, replay since seq, latest values, the alarm engine's transactions, the
 * change feed) and the Redis adapter. Not all specs: the whole suite takes about a quarter of an hour here, and the
 * others (forms, layout, sign-in, imports) go through Prisma's own queries, the same on both engines, which
 * `npm run test:unit:pg` covers. E2E_ALL_SPECS=1 runs them all on PostgreSQL.
 */
const POSTGRES_SPECS = ["central-station.spec.ts", "alarms.spec.ts", "stay.spec.ts", "bed-view.spec.ts"];
const onPostgresSubset = process.env.E2E_DATABASE === "postgres" && !process.env.E2E_ALL_SPECS;
/** `npm test` builds once for both runs: the PostgreSQL run serves the build the SQLite run has just made. */
const reuseBuild = process.env.E2E_REUSE_BUILD === "1" && fs.existsSync(`${E2E_DIST_DIR}/BUILD_ID`);

/**
 * Playwright cannot download its browser here (docs/stack.md): CHROMIUM_PATH first, then Debian's
 * chromium, then Playwright's own on a machine that has one.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

export default defineConfig({
  testDir: "e2e",
  ...(onPostgresSubset ? { testMatch: POSTGRES_SPECS } : {}),
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores, and every spec shares one server whose simulator is the clock of the tests.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1920, height: 1080 },
    locale: "en-GB",
    // The demo unit's zone: tile times and the clock are shown in it whatever the machine's zone.
    timezoneId: "Europe/Paris",
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // Builds once into the end-to-end dist dir (tests that start servers of their own reuse it), and starts the
    // custom server on a database made afresh for this run.
    command: [
      `mkdir -p ${E2E_DATA_DIR}`,
      // A SQLite file, or with E2E_DATABASE=postgres a PostgreSQL database (e2e/support/e2e-database.ts).
      `node --import tsx e2e/support/reset-e2e-database-cli.ts ${E2E_DB_FILE}`,
      // To stderr, which Playwright shows: a failed build (a type error anywhere) then says why.
      ...(reuseBuild ? [] : ["npm run build 1>&2"]),
      "node --import tsx server/index.ts",
    ].join(" && "),
    url: `${baseURL}/api/health`,
    env: stationEnv({ port: E2E_PORT, dbFile: E2E_DB_FILE }),
    reuseExistingServer: !CI,
    // A cold build on two cores takes a minute or two.
    timeout: 300_000,
    // The server's own log stays quiet; a test that starts a server attaches that one's log when it fails.
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
