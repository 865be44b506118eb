import { expect, test } from "./fixtures";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

// Issue 17: the nurse's alarm list scrolls inside its box (she acknowledges from it; the wall's list counts what does
// not fit instead). Its last item must never be drawn half cut: the list is cut at a whole item and says how many are
// below. Several beds' feeds are stopped so that their stale alarms fill the list.
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
] as const;
const SILENCED = ["demo-bed-1", "demo-bed-2", "demo-bed-3", "demo-bed-4", "demo-bed-5", "demo-bed-6"];

test("the nurse's alarm list draws no item half cut at 1920×1080 and 768×1024, and counts those below", async ({
  page,
  station,
  simulatorFeed,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize(SCREENS[0]);
  await station.open(DEMO_UNIT_ID);
  await station.waitForLiveBeds(DEMO_BED_COUNT, { timeout: 60_000 });
  for (const bedId of SILENCED) await simulatorFeed.stop(bedId);
  const items = page.getByTestId("alarm-item");
  await expect.poll(() => items.count(), { timeout: 90_000 }).toBeGreaterThanOrEqual(SILENCED.length);

  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    const label = `${screen.width}×${screen.height}`;
    // Measured once the layout has settled after the resize (the list is cut again on its frame's resize).
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const list = document.querySelector<HTMLElement>("[data-testid='alarm-list']");
            if (!list) return { found: false, cut: -1, overflows: false, below: false };
            const box = list.getBoundingClientRect();
            const frame = list.parentElement?.getBoundingClientRect() ?? box;
            const bottom = Math.min(box.bottom, frame.bottom) + 0.5;
            const cut = ([...list.children] as HTMLElement[])
              .filter((item) => !item.hidden)
              .map((item) => item.getBoundingClientRect())
              .filter((r) => r.top < bottom - 1 && r.bottom > bottom).length;
            return {
              found: true,
              cut,
              overflows: list.scrollHeight > list.clientHeight + 1,
              below: document.querySelector("[data-testid='alarm-list-below']") !== null,
            };
          }),
        { message: `${label}: items cut at the list's bottom`, timeout: 10_000 },
      )
      .toEqual(expect.objectContaining({ found: true, cut: 0 }));
    const state = await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>("[data-testid='alarm-list']");
      return { overflows: list ? list.scrollHeight > list.clientHeight + 1 : false };
    });
    // What is below the fold is said, so a nurse knows to scroll.
    if (state.overflows) await expect(page.getByTestId("alarm-list-below"), label).toContainText("more below");
    testInfo.annotations.push({ type: "alarm list", description: `${label}: overflows ${state.overflows}` });
    await page.screenshot({ path: testInfo.outputPath(`alarm-list-${label}.png`) });
  }
});
