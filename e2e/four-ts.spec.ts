import { expect } from "@playwright/test";
import { test } from "./fixtures";

// demo-bed-8 is the HIT scenario (falling platelets on heparin): the 4Ts screen is pre-filled from its counts.
test.use({ role: "physician" });

test("a physician records a 4Ts screen, kept with the episode with its inputs and their source", async ({ page }) => {
  await page.goto("/beds/demo-bed-8");
  const form = page.getByTestId("four-ts");
  await expect(form).toBeVisible();
  if ((await form.getAttribute("open")) === null) await form.locator("summary").click();

  const record = page.getByTestId("four-ts-record");
  await expect(record).toBeDisabled();
  // The bedside items; the two the counts tell are taken as pre-filled, or scored here if the counts say nothing yet.
  for (const [item, score] of [
    ["thrombocytopenia", 2],
    ["timing", 2],
    ["thrombosis", 0],
    ["otherCause", 1],
  ] as const) {
    const chosen = form.locator(`input[name="four-ts-${item}"]:checked`);
    if ((await chosen.count()) === 0) await form.locator(`input[name="four-ts-${item}"][value="${score}"]`).check();
  }
  await expect(record).toBeEnabled();
  await record.click();

  const screen = page.getByTestId("four-ts-screen").first();
  await expect(screen).toContainText(/by .+: \d — (low|intermediate|high) probability/);
  await expect(screen.locator("li")).toHaveCount(4);
  await expect(screen.locator('li[data-source="clinician"]').filter({ hasText: "Thrombosis" })).toContainText(
    "at the bedside",
  );
  await expect(screen).toContainText("Heparin assumed from cannulation");

  // Stored, not just shown: a reload reads it back from the server.
  await page.reload();
  if ((await page.getByTestId("four-ts").getAttribute("open")) === null)
    await page.getByTestId("four-ts").locator("summary").click();
  await expect(page.getByTestId("four-ts-screen").first()).toContainText(/by .+: \d — /);
});
