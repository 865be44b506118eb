import type { Db } from "@/lib/db/client";
import { silentLogger } from "@/lib/log/logger";
import { importRoutes } from "@/server/imports/import-routes";
import { simulatorRoutes } from "@/server/simulator/simulator-routes";
import type { Simulator } from "@/server/simulator/start-simulator";
import { startTestStation, type TTestStation } from "./start-test-station";

/**
 * The station with every route of the Node process mounted as server/index.ts mounts them (the import routes, and the
 * simulator's with a stand-in simulator driving one bed), for the access matrix.
 */
export async function startNodeRouteStation({ db, bedId }: { db: Db; bedId: string }): Promise<TTestStation> {
  const station = await startTestStation({ db });
  station.server.mount(
    importRoutes({ db, sink: station.server.writer, timeZone: "Europe/Paris", localCodes: [], log: silentLogger }),
  );
  const simulator = { bedIds: () => [bedId], setBedFeed: () => undefined } as unknown as Simulator;
  station.server.mount(simulatorRoutes({ simulator, db, log: silentLogger }));
  return station;
}
