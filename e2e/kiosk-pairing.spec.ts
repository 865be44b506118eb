import { expect, test } from "./fixtures";
import { CentralStation } from "./pages/central-station";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

// The admin's browser; the wall screen gets a browser context of its own, with no session at all.
test.use({ role: "admin" });

/** The session sweep closes a revoked screen's socket within 5 s; the screen then loads the pairing page. */
const REVOKED_WITHIN_MS = 15_000;

test("an admin creates a wall screen, the screen pairs with the one-time code, and is sent back to pairing when revoked", async ({
  page,
  browser,
  baseURL,
}) => {
  const name = `E2E corridor ${Date.now()}`;
  await page.goto("/admin/displays");
  await page.getByTestId("display-form").getByLabel("Name").fill(name);
  await page.getByTestId("display-form-submit").click();
  const code = (await page.getByTestId("pairing-code").innerText()).replace(/[^A-Z0-9]/g, "");
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  const link = await page.getByTestId("pairing-link").inputValue();
  expect(link).toContain(`/pair?code=${code}`);

  const wall = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  try {
    const screen = await wall.newPage();
    // Open the link the admin copied: the code is filled in; pairing opens the display's unit.
    await screen.goto(new URL(link).pathname + new URL(link).search);
    await expect(screen.getByLabel("Pairing code")).toHaveValue(code);
    await screen.getByRole("button", { name: "Pair this screen" }).click();
    await expect(screen).toHaveURL(new RegExp(`/station/${DEMO_UNIT_ID}$`));
    const station = new CentralStation(screen);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    await expect(screen.getByTestId("user-menu")).toHaveText(name);
    await expect(screen.getByTestId("bed-tile-link")).toHaveCount(0);

    // The code was spent: typed again elsewhere, it is refused.
    const other = await browser.newContext({ baseURL });
    const second = await other.newPage();
    await second.goto("/pair");
    await second.getByLabel("Pairing code").fill(code);
    await second.getByRole("button", { name: "Pair this screen" }).click();
    await expect(second.getByTestId("pair-error")).toContainText("not valid or has expired");
    await other.close();

    // The admin sees the screen signed in, then revokes it.
    const row = page.getByTestId("display-row").filter({ hasText: name });
    await page.reload();
    await expect(row).toContainText("1");
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByTestId("revoke-display").click();
    await expect(row).toContainText("Revoked");

    await expect(screen).toHaveURL(/\/pair\?reason=/, { timeout: REVOKED_WITHIN_MS });
    await expect(screen.getByTestId("pair-reason")).toBeVisible();
    expect((await screen.request.get(`/api/units/${DEMO_UNIT_ID}/station`)).status()).toBe(401);
  } finally {
    await wall.close();
  }
});
