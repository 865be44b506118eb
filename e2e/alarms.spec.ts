import { AlarmPanel } from "./pages/alarm-panel";
import { expect, test } from "./fixtures";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

/** The demo unit's beds in scenario order (lib/db/demo/demo-profiles.ts): 3 is the helium leak, 5 the limb ischaemia. */
const HELIUM_LEAK_BED = "demo-bed-3";
const LIMB_ISCHAEMIA_BED = "demo-bed-5";
/** IEC 60601-1-8 medium priority: yellow (components/alarms/alarms.css). */
const YELLOW = "#ffd400";

/** The engine judges the backfilled history as it is written; a cold server needs a while before the wall is complete. */
const RAISED_WITHIN_MS = 60_000;

test.describe("alarms on the central station", () => {
  test("the helium-leak and limb-ischaemia beds turn yellow, with the alarm's value and limit", async ({
    page,
    station,
  }) => {
    const alarms = new AlarmPanel(page);
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);

    // Helium falling without refill, 3 points in an hour: a leak, medium priority. The wall's list shows the alarms
    // that fit and counts the others below it ("+ N more below"): each alarm is in the list, shown or counted.
    await expect(alarms.item(HELIUM_LEAK_BED, "helium-falling")).toBeAttached({ timeout: RAISED_WITHIN_MS });
    await expect(alarms.item(HELIUM_LEAK_BED, "helium-falling")).toHaveAttribute("data-priority", "medium");
    // Distal perfusion cannula flow under 100 mL/min on the cannulated leg.
    await expect(alarms.item(LIMB_ISCHAEMIA_BED, "dpc-flow-low")).toBeAttached({ timeout: RAISED_WITHIN_MS });
    await expect(alarms.item(LIMB_ISCHAEMIA_BED, "dpc-flow-low")).toContainText(
      /Distal perfusion cannula flow \d+ < 100 mL\/min/,
    );

    for (const bedId of [HELIUM_LEAK_BED, LIMB_ISCHAEMIA_BED]) {
      const tile = station.tile(bedId);
      await expect(tile).toHaveAttribute("data-alarm-priority", "medium");
      await expect(tile).toHaveAttribute("data-alarm-flashing", "true");
      expect(await alarms.tileColour(tile)).toBe(YELLOW);
      await expect(tile.getByTestId("tile-alarm")).toHaveAttribute("data-priority", "medium");
    }
    await expect(station.primaryAlarmSource).toContainText("remain the primary alarm sources");
  });

  test("an acknowledgement with a reason stops the flashing and appears in the bed's history", async ({
    page,
    station,
  }) => {
    const alarms = new AlarmPanel(page);
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const tile = station.tile(LIMB_ISCHAEMIA_BED);
    await expect(tile).toHaveAttribute("data-alarm-flashing", "true", { timeout: RAISED_WITHIN_MS });

    // Every unacknowledged alarm of the tile's priority: the flashing stops only when all have been seen.
    const unacknowledged = page.locator(
      `[data-testid="alarm-item"][data-bed-id="${LIMB_ISCHAEMIA_BED}"][data-priority="medium"]:is([data-status="active"], [data-status="latched"])`,
    );
    await expect(unacknowledged.first()).toBeVisible();
    const first = await unacknowledged.first().getAttribute("data-rule");
    while ((await unacknowledged.count()) > 0) {
      await alarms.acknowledge(unacknowledged.first(), "Treated");
    }

    await expect(tile).toHaveAttribute("data-alarm-flashing", "false");
    await expect(tile).toHaveAttribute("data-alarm-priority", "medium");
    await expect(alarms.item(LIMB_ISCHAEMIA_BED, first ?? "")).toHaveAttribute("data-status", "acknowledged");
    await expect(alarms.item(LIMB_ISCHAEMIA_BED, first ?? "")).toContainText(/ACKNOWLEDGED by .+ Treated/);

    await alarms.openHistory(LIMB_ISCHAEMIA_BED);
    const row = alarms.history.locator(`[data-testid="alarm-history-row"][data-rule="${first}"]`).first();
    await expect(row).toBeVisible();
    await expect(row.getByTestId("alarm-history-acknowledgement")).toContainText(/ACKNOWLEDGED by .+: Treated/);
    await page.screenshot({ path: test.info().outputPath("alarms-acknowledged.png") });
  });
});
