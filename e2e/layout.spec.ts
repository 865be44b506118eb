import { expect, test } from "./fixtures";
import type { CentralStation } from "./pages/central-station";
import { brokenHeadingWords } from "./pages/wall-metrics";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

/** The wall screen the station is designed for (components/station/station.css). */
test.use({ viewport: { width: 1920, height: 1080 } });

async function expectEveryBedVisibleWithoutScrolling(station: CentralStation): Promise<void> {
  const overflow = await station.scrollOverflow();
  expect(overflow.x, "horizontal scroll").toBeLessThanOrEqual(0);
  expect(overflow.y, "vertical scroll").toBeLessThanOrEqual(0);
  expect(await station.clippedTiles()).toEqual([]);
  await expect(station.primaryAlarmSource).toBeInViewport({ ratio: 1 });
  // A heading wraps between words or is abbreviated, never inside a word ("Mediu/m", "Technic/al").
  expect(await brokenHeadingWords(station.page), "words cut inside").toEqual([]);
}

test.describe("the wall layout at 1920 × 1080", () => {
  test(`shows all ${DEMO_BED_COUNT} beds without scrolling`, async ({ station }) => {
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    await expectEveryBedVisibleWithoutScrolling(station);
    await expect(station.page.getByTestId("alarm-burden")).toBeVisible();
    await station.switchLanguage("fr");
    await expectEveryBedVisibleWithoutScrolling(station);
  });

  for (const beds of [16, 32]) {
    test(`shows all ${beds} beds without scrolling`, async ({ station, launchStation }) => {
      // Its own server: the bed count is fixed when the demo unit is seeded. 32 beds backfill in about 15 s here.
      test.setTimeout(120_000);
      const server = await launchStation({ name: `layout-${beds}`, beds });
      await station.open(DEMO_UNIT_ID, server.baseURL);
      await station.waitForLiveBeds(beds, { timeout: 60_000 });
      await expectEveryBedVisibleWithoutScrolling(station);
    });
  }
});
