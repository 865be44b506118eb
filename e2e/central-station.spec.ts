import { expect, test } from "./fixtures";
import { DEMO_BED_COUNT, DEMO_FREE_BED, DEMO_UNIT_ID } from "./support/station-env";

const DEMO_BEDS = Array.from({ length: DEMO_BED_COUNT }, (_, i) => `demo-bed-${i + 1}`);
const FIRST_BED = "demo-bed-1";
const LAST_BED = `demo-bed-${DEMO_BED_COUNT}`;

test.describe("the central station", () => {
  test.beforeEach(async ({ station }) => {
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
  });

  test("shows the eight demo beds in order, each occupied one with its values, the free one empty", async ({
    station,
  }) => {
    expect(await station.bedIds()).toEqual(DEMO_BEDS);
    await expect(station.tile(DEMO_FREE_BED)).toHaveAttribute("data-state", "empty");
    await expect(station.tile(DEMO_FREE_BED)).toContainText("Empty bed");
    for (const bedId of DEMO_BEDS.filter((b) => b !== DEMO_FREE_BED)) {
      // Every device type shows a mean arterial pressure and a heart rate, each with the time it was measured.
      for (const parameter of ["map", "hr"]) {
        await expect(station.value(bedId, parameter)).toHaveAttribute("data-observed-at", /^\d+$/);
        await expect(station.value(bedId, parameter)).toHaveText(/\d/);
      }
      await expect(station.tile(bedId).getByTestId("device-time")).toContainText(/Device data \d{2}:\d{2}:\d{2}/);
    }
  });

  test("receives live readings: a device value's measurement time moves on", async ({ station }) => {
    for (const bedId of [FIRST_BED, LAST_BED]) {
      const first = await station.observedAt(bedId, "hr");
      expect(first).not.toBeNull();
      // The simulator ticks every second: a frozen screen would keep the same time.
      await station.waitForNewerValue(bedId, "hr", first ?? 0, 5_000);
    }
  });

  test("runs its clock", async ({ station }) => {
    await expect(station.clock).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
    const first = await station.clockTime();
    expect(first).not.toBeNull();
    await expect
      .poll(() => station.clockTime(), { message: "the clock ticks", timeout: 3_000 })
      .toBeGreaterThan(first ?? 0);
  });

  test("says that it is not the primary alarm source", async ({ station }) => {
    await expect(station.primaryAlarmSource).toBeVisible();
    await expect(station.primaryAlarmSource).toContainText("remain the primary alarm sources");
  });

  test("switches to French and back, and stays live", async ({ station }) => {
    const footer = station.tile(FIRST_BED).getByTestId("device-time");

    await station.switchLanguage("fr");
    await expect(station.primaryAlarmSource).toContainText("restent les sources d'alarme principales");
    await expect(station.connectionState).toContainText("EN DIRECT");
    await expect(footer).toContainText("Données des appareils");
    // The switch re-renders the page in place: the tiles keep receiving readings.
    await station.waitForNewerValue(FIRST_BED, "hr", (await station.observedAt(FIRST_BED, "hr")) ?? 0, 5_000);

    await station.switchLanguage("en");
    await expect(station.primaryAlarmSource).toContainText("remain the primary alarm sources");
    await expect(station.connectionState).toContainText(/^Connection: LIVE$/);
    await expect(footer).toContainText("Device data");
  });
});
