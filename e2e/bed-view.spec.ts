import { expect } from "@playwright/test";
import { test } from "./fixtures";
import { BedView } from "./pages/bed-view";

// demo-bed-1 is the stable VA-ECMO patient of the demo unit (lib/db/demo/demo-profiles.ts).
const BED = "demo-bed-1";

test("a bed opens from its tile, switches ranges, receives live values and reads as a table", async ({
  page,
  station,
}) => {
  await station.open("demo-icu");
  await station.tile(BED).getByTestId("bed-tile-link").click();
  await expect(page).toHaveURL(new RegExp(`/beds/${BED}$`));

  const bed = new BedView(page);
  await expect(bed.root).toBeVisible();
  await expect(bed.title).toContainText("01");

  // The flow chart is drawn from the 24 h history, then for 6 h and for the whole episode.
  const flow = bed.chart("ecmo_flow");
  await expect(flow).toHaveAttribute("data-state", "drawn", { timeout: 15_000 });
  for (const range of ["6h", "episode"] as const) {
    await bed.range(range).click();
    await expect(bed.trends).toHaveAttribute("data-window", range);
    await expect(flow).toHaveAttribute("data-state", "drawn", { timeout: 15_000 });
  }

  // Live: the panel's flow reading gets newer while the page stays open (the e2e simulator ticks every second).
  const first = await bed.observedAt("ecmo_flow");
  expect(first).not.toBeNull();
  await expect.poll(() => bed.observedAt("ecmo_flow"), { timeout: 10_000 }).toBeGreaterThan(first ?? 0);

  // The same data as a table, with times and values a person can read.
  await bed.range("6h").click();
  await page.getByTestId("view-table").click();
  const table = bed.table("ecmo_flow");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expect(table.locator("tbody tr").first()).toContainText(/\d{2}:\d{2}/);
});

// demo-bed-6 is the IABP weaning patient: 1:1 until 40 h of support, then 1:2
// (server/simulator/scenarios/iabp-weaning.ts), about four hours before the server started, so inside the 24 h the bed
// view opens on.
test("a settings change read from the observations is marked on the trends, drawn by the server then by recharts", async ({
  page,
}) => {
  await page.goto("/beds/demo-bed-6");
  const bed = new BedView(page);
  const ratio = bed.chart("iabp_ratio");
  await expect(ratio).toHaveAttribute("data-state", "drawn", { timeout: 15_000 });
  // Settings markers only: the bed's alarms and its demo round are marked on the same charts.
  const settingMarker = (chart: typeof ratio) =>
    chart.locator('[data-testid="trend-marker"][data-kind="setting"]').first();
  const marker = settingMarker(ratio);
  await expect(marker).toHaveAttribute("aria-label", /Ratio 1:1 → 1:2/);
  await expect(marker).toContainText("Ratio 1:2");
  // Every device chart of the bed carries the same marker; lab charts carry none (only their own alarms).
  await expect(settingMarker(bed.chart("iabp_pressures"))).toHaveAttribute(
    "data-at",
    (await marker.getAttribute("data-at")) ?? "",
  );
  await expect(bed.chart("lactate").locator('[data-testid="trend-marker"]:not([data-kind="alarm"])')).toHaveCount(0);
  // The server's sketch is replaced by recharts once the page is idle; the marker stays.
  await expect(ratio.locator("[data-renderer]")).toHaveAttribute("data-renderer", "recharts", { timeout: 15_000 });
  await expect(settingMarker(ratio)).toBeVisible();

  // The values can be read without a mouse: focus the plot, move along it with the arrow keys.
  await ratio.locator("[data-renderer]").focus();
  await page.keyboard.press("End");
  const readout = ratio.getByTestId("trend-readout");
  await expect(readout).toContainText(/Ratio (\d|no reading)/);
  await page.keyboard.press("Escape");
  await expect(readout).toHaveCount(0);
});

// demo-bed-3 (IABP) raises medium-priority (yellow) alarms as soon as the engine judges it: anti-Xa not measured for
// 12 h on a fresh e2e database, helium falling later in its scenario; the demo signs one uneventful round per bed a
// little while before start-up.
test("an alarm raised and a round signed are marked on the bed's trends, coloured by priority and by finding", async ({
  page,
}) => {
  await page.goto("/beds/demo-bed-3");
  const bed = new BedView(page);
  const helium = bed.chart("iabp_helium");
  await expect(helium).toHaveAttribute("data-state", "drawn", { timeout: 15_000 });

  // The engine may still be judging the bed when the page opens: the marker then arrives by socket. An alarm is
  // marked on the charts of its own parameters only (anti-Xa overdue on anti-Xa, helium falling on helium).
  const alarm = page.locator('[data-testid="trend-marker"][data-kind="alarm"][data-tone="medium"]').first();
  await expect(alarm).toBeAttached({ timeout: 60_000 });
  await expect(alarm).toHaveAttribute(
    "aria-label",
    /^Alarm raised at \d{2}:\d{2}: medium priority, .+, (active, not ACKNOWLEDGED|ACKNOWLEDGED at \d{2}:\d{2}|ended at \d{2}:\d{2})/,
  );
  await expect(alarm).toContainText("!! alarm");
  await expect(alarm).toHaveCSS("border-left-color", "rgb(255, 212, 0)");

  const round = helium.locator('[data-testid="trend-marker"][data-kind="round"]').first();
  await expect(round).toBeAttached();
  await expect(round).toHaveAttribute("data-tone", "normal");
  await expect(round).toHaveAttribute("aria-label", /^Round signed at \d{2}:\d{2}: signed by .+, no abnormal finding$/);
  await helium.screenshot({ path: "test-results/markers-helium.png" });
  await page.screenshot({ path: "test-results/markers-bed-3.png", fullPage: true });
});
