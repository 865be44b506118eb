import { expect } from "@playwright/test";
import { test } from "./fixtures";
import { CentralStation } from "./pages/central-station";
import { ProtocolPanel } from "./pages/protocols";
import { signInAs } from "./support/accounts";

// The demo unit's IABP patient being weaned (lib/db/demo/demo-profiles.ts), on support for 44 h.
const BED = "demo-bed-6";
const UNIT = "demo-icu";
const MIN = 60_000;
const H = 60 * MIN;

// A nurse's tablet, portrait.
test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

test("a nurse runs an IABP weaning plan on the bed page and the wall screen follows it live", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two browsers, many steps, each a commit and a refresh of both screens: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  // The wall screen is open on the unit before anything starts, and is never reloaded.
  const wallContext = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  await signInAs(wallContext.request, baseURL ?? "", "display");
  const wall = new CentralStation(await wallContext.newPage());
  try {
    await wall.open(UNIT);
    await expect(wall.tile(BED)).toBeVisible({ timeout: 20_000 });
    const wallLine = wall.tile(BED).getByTestId("tile-protocol");
    await expect(wallLine).toHaveCount(0);

    const panel = new ProtocolPanel(page);
    await page.goto(`/beds/${BED}`, { timeout: 90_000 });
    await expect(panel.root).toBeVisible({ timeout: 30_000 });
    // Weaning started at 1:1 three hours ago: the 1:2 step is due, by 6 h after the start.
    await panel.start("iabp-weaning", 3 * H);
    await expect(panel.step("iabp-weaning", "ratio-1-2")).toHaveAttribute("data-state", "due");
    await expect(panel.step("iabp-weaning", "balloon-removed")).toHaveAttribute("data-state", "waiting");

    // The wall screen shows the running timer with its countdown, without a reload.
    await expect(wallLine).toHaveAttribute("data-step", "ratio-1-2");
    await expect(wallLine).toHaveAttribute("data-state", "due");
    await expect(wallLine).toContainText(/Ratio 1:2 set and reviewed due in (2 h 5\d|3 h 0) min/);
    await wall.page.screenshot({ path: "test-results/protocol-tile-en.png" });

    // Ratio 1:2 reviewed: the wall moves to the 1:4 step.
    await panel.sign("iabp-weaning", "ratio-1-2", 2 * H + 50 * MIN);
    await expect(wallLine).toHaveAttribute("data-step", "ratio-1-4");
    await panel.sign("iabp-weaning", "ratio-1-4", 2 * H + 30 * MIN);

    // Heparin stopped 1 h 10 min ago; removal is refused before the hour after it, then signed.
    await panel.sign("iabp-weaning", "heparin-stopped", H + 10 * MIN);
    await expect(panel.step("iabp-weaning", "balloon-removed")).toHaveAttribute("data-state", "due");
    await panel.sign("iabp-weaning", "balloon-removed", H + 5 * MIN, /before its earliest time/);
    await panel.sign("iabp-weaning", "balloon-removed", 5 * MIN);

    // Compression runs for at least 30 min after removal: it cannot be signed yet, and the wall says from when.
    const compression = panel.step("iabp-weaning", "compression-ended");
    await expect(compression).toHaveAttribute("data-state", "pending");
    await expect(compression.getByTestId("protocol-sign")).toHaveCount(0);
    await expect(compression).toContainText(/Not before \d\d:\d\d/);
    await expect(panel.step("iabp-weaning", "flat-rest-ended")).toHaveAttribute("data-state", "pending");
    await expect(wallLine).toHaveAttribute("data-step", "compression-ended");
    await expect(wallLine).toContainText(/Femoral compression ended \(≥ 30 min\) from \d\d:\d\d/);
    await page.screenshot({ path: "test-results/protocol-panel-tablet.png", fullPage: false });
    await panel.plan("iabp-weaning").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/protocol-panel-tablet-steps.png", fullPage: false });

    // The same tile in French.
    await wall.switchLanguage("fr");
    await expect(wallLine).toContainText(/Compression fémorale terminée \(≥ 30 min\) à partir de \d\d:\d\d/);
    await wall.page.screenshot({ path: "test-results/protocol-tile-fr.png" });

    // Cancelled with its reason (the shared server's other specs expect this bed without a plan): the wall clears.
    await panel.plan("iabp-weaning").getByTestId("protocol-cancel").click();
    await panel.plan("iabp-weaning").getByLabel("Reason for cancelling").fill("End of the end-to-end test");
    await panel.plan("iabp-weaning").getByRole("button", { name: "Cancel this timer" }).click();
    await expect(panel.plan("iabp-weaning")).toHaveCount(0);
    await expect(wallLine).toHaveCount(0);
  } finally {
    await wallContext.close();
  }
});
