import { expect, test } from "./fixtures";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

const SILENT_BED = "demo-bed-3";

/**
 * A bed turns stale 3 × its shortest device interval (5 s) after its last reading: 15 s, plus up to a tick and a
 * clock second. Twice that is the limit here.
 */
const STALE_WITHIN_MS = 30_000;

test.describe("a bed whose feed stops", () => {
  test("turns stale, says since when, and recovers when the feed comes back", async ({ station, simulatorFeed }) => {
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const silentTile = station.tile(SILENT_BED);
    await expect(silentTile).toHaveAttribute("data-stale", "false");

    // The fixture restores the feed after the test whatever happens: other tests share this server.
    await simulatorFeed.stop(SILENT_BED);
    const lastReading = await station.observedAt(SILENT_BED, "hr");

    await expect(silentTile).toHaveAttribute("data-stale", "true", { timeout: STALE_WITHIN_MS });
    await expect(station.staleLine(SILENT_BED)).toBeVisible();
    await expect(station.staleLine(SILENT_BED)).toHaveText(/^STALE since \d{2}:\d{2}:\d{2}$/);
    // Its values keep their last reading (not blanked, not advanced): the screen shows how old they are.
    expect(await station.observedAt(SILENT_BED, "hr")).toBeGreaterThanOrEqual(lastReading ?? 0);
    await expect(station.value(SILENT_BED, "hr")).toHaveText(/\d/);

    // Only that bed: the others keep receiving.
    const others = await station.tiles.evaluateAll(
      (tiles, silent) =>
        tiles
          .filter((t) => t.getAttribute("data-bed-id") !== silent)
          .map((t) => [t.getAttribute("data-bed-id"), t.getAttribute("data-stale")]),
      SILENT_BED,
    );
    expect(others).toHaveLength(DEMO_BED_COUNT - 1);
    expect(others.filter(([, stale]) => stale !== "false")).toEqual([]);

    await simulatorFeed.restore(SILENT_BED);
    await expect(silentTile).toHaveAttribute("data-stale", "false", { timeout: 10_000 });
    await expect(station.staleLine(SILENT_BED)).toHaveCount(0);
    await expect(silentTile.getByTestId("device-time")).toContainText(/^Device data \d{2}:\d{2}:\d{2}$/);
  });
});
