// The station's process: validates its configuration, migrates the database, seeds the demo unit in demo mode,
// serves Next and socket.io on one port, and runs the simulator.
import path from "node:path";
import next from "next";
import { createDb } from "@/lib/db/client";
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
import { applyMigrations } from "./migrate";
import { startSimulator, type Simulator } from "./simulator/start-simulator";

const env = parseServerEnv(process.env);
// Next's pages read the zone from the process (lib/env/station-time-zone.ts): the validated value, default included.
process.env.STATION_TIME_ZONE = env.STATION_TIME_ZONE;
const root = path.resolve(import.meta.dirname, "..");

await applyMigrations(env.DATABASE_URL, root);
const db = await createDb(env.DATABASE_URL);
provideDb(db);

if (env.DEMO) {
  const scenarios = env.SIMULATOR_SCENARIOS?.split(",").map((s) => ZScenarioName.parse(s.trim()));
  const seeded = await seedDemoUnit({ db, now: new Date(), seed: env.SIMULATOR_SEED, beds: env.DEMO_BEDS, scenarios });
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
// output, NIRS) are stored with it; the simulator's backfill does not count them as history (list-simulated-episodes).
if (env.DEMO) await seedDemoRounds({ db, unitId: DEMO_UNIT_ID, nurseId: "demo-nurse", now: new Date() });

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
});
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
  `central station ready on http://${shownHost}:${address.port} (database ${env.DATABASE_URL}, demo ${env.DEMO ? "on" : "off"})`,
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

let simulator: Simulator | undefined;
if (env.SIMULATOR) {
  log.info(`simulator starting (seed ${env.SIMULATOR_SEED}, speed ×${env.SIMULATOR_SPEED}); backfilling history first`);
  simulator = await startSimulator({
    sink: server.writer,
    db,
    seed: env.SIMULATOR_SEED,
    speed: env.SIMULATOR_SPEED,
    tickMs: env.SIMULATOR_TICK_MS,
    log,
  });
  log.info(`simulator running for ${simulator.bedIds().length} beds`);
  // Its controls are answered once it runs; until then the path is Next's (404), as it is outside demo mode.
  if (env.DEMO) server.mount(simulatorRoutes({ simulator, db, log }));
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping; committing what is queued`);
  await simulator?.stop();
  await mllp?.close();
  await server.close();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
