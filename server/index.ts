// The station's process: validates its configuration, migrates the database, seeds the demo unit in demo mode,
// serves Next and socket.io on one port, and runs the simulator. On several nodes (docs/deployment.md) the start-up
// work runs under a lock, and the alarm engine and the simulator run on the elected leader only.
import { hostname } from "node:os";
import path from "node:path";
import next from "next";
import { closeDb, createDb, isPostgresUrl } from "@/lib/db/client";
import { provideDb } from "@/lib/db/get-db";
import { toAuthConfig } from "@/lib/db/auth/auth-config";
import { seedDemoAccounts } from "@/lib/db/demo/seed-demo-accounts";
import { DEMO_UNIT_ID, seedDemoUnit } from "@/lib/db/demo/seed-demo-unit";
import { ZScenarioName } from "@/lib/simulator/scenarios";
import { createStationServer } from "./create-station-server";
import { parseServerEnv } from "./env";
import { importRoutes } from "./imports/import-routes";
import { simulatorRoutes } from "./simulator/simulator-routes";
import { installDefaultRoundTemplates } from "@/lib/db/rounds/install-default-round-templates";
import { seedDemoRounds } from "@/lib/db/demo/seed-demo-rounds";
import { broadcastImportProgress } from "./imports/broadcast-import-progress";
import { loadLocalCodes } from "./imports/load-local-codes";
import { handleMllpMessage } from "./imports/mllp/handle-mllp-message";
import { startMllpListener, type TMllpListener } from "./imports/mllp/start-mllp-listener";
import { consoleLogger as log } from "@/lib/log/logger";
import { closeAbandonedImportJobs } from "@/lib/db/imports/close-abandoned-import-jobs";
import { applyPendingMigrations, pendingMigrations } from "./migrate";
import { startSimulator, type Simulator } from "./simulator/start-simulator";
import { setNodeId } from "@/lib/db/cluster/node-identity";
import { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { withStartupLock } from "./cluster/with-startup-lock";
import { startPostgresLeadership } from "./cluster/postgres-leadership";
import { startSingleNodeLeadership } from "./cluster/single-node-leadership";
import { connectRedis } from "./cluster/connect-redis";
import { startNodePresence } from "./cluster/start-node-presence";
import type { NodeRoute } from "./create-station-server";
import type { Db } from "@/lib/db/client";

const env = parseServerEnv(process.env);
// Next's pages read the zone from the process (lib/env/station-time-zone.ts): the validated value, default included.
process.env.STATION_TIME_ZONE = env.STATION_TIME_ZONE;
const root = path.resolve(import.meta.dirname, "..");
const nodeId = env.NODE_ID ?? `${hostname()}-${process.pid}`;
setNodeId(nodeId);

// Migrations and seeding are done once: on several nodes, one node at a time under the start-up lock, the first
// doing them and the others finding them done (server/cluster/with-startup-lock.ts). Migrations run only when one is
// pending, so that a sqlite3 shell or a backup reading the file does not stop the start.
const db = await withStartupLock(env.LEADER_LOCK_URL, async () => {
  const migrated = await applyPendingMigrations(env.DATABASE_URL, root, {
    attempts: 6,
    waitMs: 5_000,
    onWait: (message) => log.warn(`start-up waits: ${message}`),
  });
  if (migrated.applied.length > 0) log.info(`database migrated: ${migrated.applied.join(", ")}`);
  const opened = await createDb(env.DATABASE_URL);
  await seed(opened);
  return opened;
});
provideDb(db);
// Single node: an upload or MLLP job still "running" belongs to a process that died (docs/imports.md). On several
// nodes the leader closes the jobs of a node gone silent instead (server/cluster), since another node's are live.
if (!env.LEADER_LOCK_URL) {
  const abandoned = await closeAbandonedImportJobs({ db, now: new Date() });
  if (abandoned > 0) log.warn(`${abandoned} import job(s) interrupted by the previous stop marked failed`);
}

async function seed(db: Db): Promise<void> {
  if (env.DEMO) {
    const scenarios = env.SIMULATOR_SCENARIOS?.split(",").map((s) => ZScenarioName.parse(s.trim()));
    const seeded = await seedDemoUnit({
      db,
      now: new Date(),
      seed: env.SIMULATOR_SEED,
      beds: env.DEMO_BEDS,
      scenarios,
      language: env.DEMO_LANGUAGE,
    });
    if (seeded.created) log.info(`demo unit "${seeded.unitId}" created with ${env.DEMO_BEDS} beds`);
    const accounts = await seedDemoAccounts({ db, unitId: seeded.unitId, now: new Date() });
    if (accounts.created.length > 0)
      log.info(`demo accounts created: ${accounts.created.join(", ")} (passwords on the sign-in page)`);
  } else if ((await db.user.count({ where: { role: "admin", active: true } })) === 0) {
    log.info(
      'no administrator yet: create one with  npm run user:create -- --role admin --username <name> --name "<full name>"',
    );
  }

  // Nurse rounds need a checklist per device type: the built-in ones (docs/clinical-reference.md §5) where none was
  // published yet.
  const roundTemplates = await installDefaultRoundTemplates({ db });
  if (roundTemplates.length > 0) log.info(`round checklists installed: ${roundTemplates.join(", ")}`);
  // Demo: a last round on each bed, so that rounds are due soon or late rather than days overdue. Its numbers (urine
  // output, NIRS) are stored with it; the simulator's backfill does not count them as history
  // (list-simulated-episodes).
  if (env.DEMO) await seedDemoRounds({ db, unitId: DEMO_UNIT_ID, nurseId: "demo-nurse", now: new Date() });
}

// Who does the work done once: the holder of the PostgreSQL lock on several nodes, else this process.
const leadership = env.LEADER_LOCK_URL
  ? await startPostgresLeadership({ lockUrl: env.LEADER_LOCK_URL, db, nodeId, log })
  : await startSingleNodeLeadership({ db, nodeId, log });
const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log, env.REDIS_PREFIX) : undefined;

let nextHandler;
if (env.SERVE_NEXT) {
  const app = next({ dev: env.NODE_ENV === "development", dir: root, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  nextHandler = app.getRequestHandler();
}

const server = await createStationServer({
  db,
  log,
  nextHandler,
  auth: toAuthConfig(env),
  dev: env.NODE_ENV === "development",
  leadership,
  redis,
  throttle: new SignInThrottle({ redis: redis?.client, redisPrefix: redis?.prefix }),
  readinessChecks: {
    migrations: () => {
      // PostgreSQL: every node deploys under the start-up lock before it serves, so a serving node is migrated; the
      // pending list is read from a SQLite file only.
      if (isPostgresUrl(env.DATABASE_URL)) return null;
      const pending = pendingMigrations(env.DATABASE_URL, root).length;
      return pending === 0 ? null : `${pending} pending`;
    },
  },
});
const stopPresence = startNodePresence({ db, leadership, log });
// Imports go through the server's writer and report their progress on its socket.
const localCodes = await loadLocalCodes(env.IMPORT_LOCAL_CODES);
const onImportProgress = broadcastImportProgress(server.realtime.io);
server.mount(
  importRoutes({
    db,
    sink: server.writer,
    timeZone: env.IMPORT_TIME_ZONE,
    localCodes,
    onProgress: onImportProgress,
    log,
  }),
);
const address = await server.listen(env.PORT, env.HOST);
const shownHost = address.address === "0.0.0.0" || address.address === "::" ? "localhost" : address.address;
log.info(
  `central station ready on http://${shownHost}:${address.port} (database ${env.DATABASE_URL}, demo ${env.DEMO ? "on" : "off"}, node ${nodeId}${env.REDIS_URL ? ", several nodes" : ""})`,
);

let mllp: TMllpListener | undefined;
if (env.MLLP_PORT > 0) {
  mllp = await startMllpListener({
    port: env.MLLP_PORT,
    host: env.MLLP_HOST,
    log,
    handle: (message, peer) =>
      handleMllpMessage({
        db,
        sink: server.writer,
        message,
        peer,
        timeZone: env.IMPORT_TIME_ZONE,
        localCodes,
        onProgress: onImportProgress,
      }),
  });
  log.info(`HL7 MLLP listener on ${env.MLLP_HOST}:${mllp.port}`);
}

// The simulator is a producer of its own: on the leader only (one set of simulated devices per station), started
// with each term and stopped at its end, and fenced like the alarm engine: its readings commit only while the
// database still holds its term's epoch (a former leader that stalled and woke stores nothing). Its controls answer where it runs; elsewhere the path is Next's (404).
let simulator: Simulator | undefined;
let simulatorRoute: NodeRoute | undefined;
if (env.SIMULATOR) {
  server.mount((req, res) => simulatorRoute?.(req, res) ?? false);
  leadership.onChange(async (term) => {
    const running = simulator;
    simulator = undefined;
    simulatorRoute = undefined;
    await running?.stop();
    if (!term) return;
    log.info(
      `simulator starting (seed ${env.SIMULATOR_SEED}, speed ×${env.SIMULATOR_SPEED}); backfilling history first`,
    );
    const started = await startSimulator({
      sink: server.writer.fenced(term.epoch),
      db,
      seed: env.SIMULATOR_SEED,
      speed: env.SIMULATOR_SPEED,
      tickMs: env.SIMULATOR_TICK_MS,
      log,
    });
    simulator = started;
    log.info(`simulator running for ${started.bedIds().length} beds`);
    if (env.DEMO) simulatorRoute = simulatorRoutes({ simulator: started, db, log });
  });
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping; committing what is queued`);
  stopPresence();
  // The leader's work (simulator, alarm engine) stops first; the lock goes with it, and another node takes over.
  await leadership.stop();
  await mllp?.close();
  await server.close();
  await redis?.close();
  await closeDb(db);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
