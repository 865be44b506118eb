import { expect, test } from "./fixtures";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

/** The screen must say it is not live within 5 s of losing the server (lib/client/use-connection.ts). */
const NOT_LIVE_WITHIN_MS = 6_000;

test.describe("the connection banner", () => {
  // Starts its own server (twice): the shared one must stay up for the other tests.
  test.describe.configure({ timeout: 120_000 });

  test("appears when the server dies and clears by itself when it is back", async ({ station, launchStation }) => {
    const server = await launchStation({ name: "connection-banner" });
    await station.open(DEMO_UNIT_ID, server.baseURL);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    await expect(station.banner).toHaveCount(0);

    await server.kill();
    await expect(station.banner).toBeVisible({ timeout: NOT_LIVE_WITHIN_MS });
    await expect(station.banner).toContainText(/NOT LIVE since \d{2}:\d{2}:\d{2}/);
    await expect(station.connectionState).toHaveAttribute("data-state", "lost");
    const lastBeforeKill = (await station.observedAt("demo-bed-1", "hr")) ?? 0;

    // Same port, same database: a restarted server, as after a crash and a supervisor's restart.
    await server.start();
    // Socket.io retries with a back-off of at most 5 s; then a heartbeat or two.
    await expect(station.banner).toHaveCount(0, { timeout: 20_000 });
    await expect(station.connectionState).toHaveAttribute("data-state", "live");
    await station.waitForNewerValue("demo-bed-1", "hr", lastBeforeKill, 15_000);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
  });
});
