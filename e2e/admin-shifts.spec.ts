import { expect, test } from "./fixtures";

// An administrator sets a unit's shifts on the shifts page, on a station of the test's own (the shared server's
// handover and alarm-burden tests count on the default 07:00/19:00). A refusal is shown beside the row at fault,
// and what is saved is what the API then answers.
test.describe("as an administrator", () => {
  test.use({ role: "admin" });

  test("sets three shifts for a unit, after a refusal shown beside the row at fault", async ({
    page,
    launchStation,
  }) => {
    test.setTimeout(90_000);
    const server = await launchStation({ name: "shifts", beds: 1 });
    await page.goto(`${server.baseURL}/admin/shifts`);
    await expect(page.getByTestId("shift-pattern-state")).toContainText("default is in force");
    const rows = page.getByTestId("shift-row");
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId("shift-length")).toHaveText(["12 h", "12 h"]);

    await page.getByRole("button", { name: "Add a shift" }).click();
    await page.getByLabel("Name of shift 3").fill("evening");
    // The same start as the day shift: refused by the server, said beside the third row, nothing stored.
    await page.getByLabel("Start of shift 3").fill("07:00");
    await page.getByTestId("shift-pattern-save").click();
    await expect(rows.nth(2)).toContainText("Two shifts start at 07:00");
    await expect(page.getByLabel("Start of shift 3")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("admin-form-error")).toContainText("Correct the fields marked above.");

    await page.getByLabel("Start of shift 3").fill("15:00");
    await page.getByLabel("Start of shift 2").fill("23:00");
    await page.getByLabel("Name of shift 2").fill("night");
    await expect(page.getByTestId("shift-length")).toHaveText(["8 h", "8 h", "8 h"]);
    await page.getByTestId("shift-pattern-save").click();
    await expect(page.getByTestId("admin-status")).toContainText("were saved");
    await expect(page.getByTestId("shift-pattern-state")).toContainText("Last changed");

    const unitId = await page.getByTestId("shift-unit").inputValue();
    const stored = await page.request.get(`${server.baseURL}/api/units/${encodeURIComponent(unitId)}/shift-pattern`);
    expect(await stored.json()).toMatchObject({
      configured: true,
      pattern: {
        shifts: [
          { name: "day", start: "07:00" },
          { name: "evening", start: "15:00" },
          { name: "night", start: "23:00" },
        ],
      },
    });
    // Read back in start order after a reload.
    await page.reload();
    await expect(page.getByLabel("Name of shift 2")).toHaveValue("evening");
  });
});

test.describe("as a nurse", () => {
  test.use({ role: "nurse" });

  test("is refused the shifts page", async ({ page }) => {
    await page.goto("/admin/shifts");
    await expect(page.getByTestId("access-denied")).toBeVisible();
  });
});
