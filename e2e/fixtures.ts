import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { CentralStation } from "./pages/central-station";
import { StationProcess, type TStationProcessOptions } from "./support/station-process";

/**
 * The simulator's control route (server/http/simulator-routes.ts): how a test makes a bed go silent. Only mounted
 * once the simulator runs, so the first call waits for it rather than failing on a server still backfilling.
 */
export class SimulatorFeed {
  private readonly cut = new Set<string>();

  constructor(private readonly request: APIRequestContext) {}

  async stop(bedId: string): Promise<void> {
    this.cut.add(bedId);
    await this.set(bedId, false);
  }

  async restore(bedId: string): Promise<void> {
    await this.set(bedId, true);
    this.cut.delete(bedId);
  }

  /** Restores every feed this test cut: the shared server's other tests expect all beds live. */
  async restoreAll(): Promise<void> {
    for (const bedId of [...this.cut]) await this.restore(bedId);
  }

  private async set(bedId: string, running: boolean): Promise<void> {
    await expect
      .poll(
        async () => {
          const response = await this.request.post(`/api/simulator/beds/${encodeURIComponent(bedId)}/feed`, { data: { running } });
          return response.status();
        },
        { message: `the simulator sets ${bedId}'s feed running=${running}`, timeout: 30_000 },
      )
      .toBe(200);
  }
}

export type TLaunchStation = (options: TStationProcessOptions) => Promise<StationProcess>;

interface TFixtures {
  station: CentralStation;
  simulatorFeed: SimulatorFeed;
  /** Starts a station server of the test's own; it is killed and its database removed after the test, always. */
  launchStation: TLaunchStation;
}

// Fixture bodies call their second argument `provide`, not Playwright's usual `use`: the React hooks lint rule
// takes any call of `use(...)` for React's use() hook.
export const test = base.extend<TFixtures>({
  station: async ({ page }, provide) => {
    await provide(new CentralStation(page));
  },

  simulatorFeed: async ({ request }, provide) => {
    const feed = new SimulatorFeed(request);
    try {
      await provide(feed);
    } finally {
      await feed.restoreAll();
    }
  },

  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  launchStation: async ({}, provide, testInfo) => {
    const started: StationProcess[] = [];
    try {
      await provide(async (options) => {
        const station = await StationProcess.create(options);
        started.push(station);
        await station.start();
        return station;
      });
    } finally {
      for (const station of started) {
        if (testInfo.status !== testInfo.expectedStatus) {
          await testInfo.attach(`${station.name} server log`, { body: station.output(), contentType: "text/plain" });
        }
        await station.dispose();
      }
    }
  },
});

export { expect };
