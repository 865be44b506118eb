import { test as base, expect, type APIRequestContext } from "@playwright/test";
import type { TRole } from "@/lib/auth/roles";
import { CentralStation } from "./pages/central-station";
import { signInAs } from "./support/accounts";
import { StationProcess, type TStationProcessOptions } from "./support/station-process";

/**
 * The simulator's control route (server/simulator/simulator-routes.ts): how a test makes a bed go silent. Only mounted
 * once the simulator runs, so the first call waits for it rather than failing on a server still backfilling. Driving
 * the simulator is an admin's right: the fixture gives it a request context signed in as the demo admin.
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
          const response = await this.request.post(`/api/simulator/beds/${encodeURIComponent(bedId)}/feed`, {
            data: { running },
          });
          return response.status();
        },
        { message: `the simulator sets ${bedId}'s feed running=${running}`, timeout: 30_000 },
      )
      .toBe(200);
  }
}

export type TLaunchStation = (options: TStationProcessOptions) => Promise<StationProcess>;

interface TOptions {
  /** Who the test's browser is signed in as (on the shared server, and on any server it launches); null: nobody. */
  role: TRole | null;
}

interface TFixtures {
  station: CentralStation;
  simulatorFeed: SimulatorFeed;
  /** Starts a station server of the test's own; it is killed and its database removed after the test, always. */
  launchStation: TLaunchStation;
}

// Fixture bodies call their second argument `provide`, not Playwright's usual `use`: the React hooks lint rule
// takes any call of `use(...)` for React's use() hook.
export const test = base.extend<TFixtures & TOptions>({
  role: ["nurse", { option: true }],

  // Every test's browser starts signed in as `role` (a nurse unless the test says otherwise), as a person would be.
  context: async ({ context, role, baseURL }, provide) => {
    if (role && baseURL) await signInAs(context.request, baseURL, role);
    await provide(context);
  },

  station: async ({ page }, provide) => {
    await provide(new CentralStation(page));
  },

  simulatorFeed: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({ baseURL });
    await signInAs(request, baseURL ?? "", "admin");
    const feed = new SimulatorFeed(request);
    try {
      await provide(feed);
    } finally {
      await feed.restoreAll();
      await request.dispose();
    }
  },

  // A launched server has its own database and sessions: the test's browser signs in there as `role`.
  launchStation: async ({ context, role }, provide, testInfo) => {
    const started: StationProcess[] = [];
    try {
      await provide(async (options) => {
        const station = await StationProcess.create(options);
        started.push(station);
        await station.start();
        if (role) await signInAs(context.request, station.baseURL, role);
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
