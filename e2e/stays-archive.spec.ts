import { expect, test } from "./fixtures";
import { DEMO_FREE_BED, DEMO_UNIT_ID } from "./support/station-env";

/** A unique MRN per run: the e2e database outlives one test run. */
const MRN = `ARCH-${Date.now()}`;

test("a discharged stay is found in the unit's archive and opens as a read-only, printable record", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const headers = { origin: base };
  // The stay is made through the same routes the bed page posts to, then discharged: its bed is free again after.
  const admitted = await page.request.post(`/api/beds/${DEMO_FREE_BED}/stay`, {
    headers,
    data: {
      mrn: MRN,
      givenName: "Anaïs",
      familyName: "Archive",
      birthDate: "1959-11-20",
      sex: "F",
      weightKg: 58,
      heightCm: 162,
      diagnosis: "Post-cardiotomy shock",
      admittedAt: null,
    },
  });
  expect(admitted.status(), await admitted.text()).toBe(201);
  const discharged = await page.request.post(`/api/beds/${DEMO_FREE_BED}/stay/discharge`, {
    headers,
    data: { disposition: "ward", dischargedAt: null },
  });
  expect(discharged.ok(), await discharged.text()).toBe(true);

  // From the station, the nurse opens the archive and searches by MRN.
  await page.goto(`/station/${DEMO_UNIT_ID}`);
  await page.getByTestId("station-archive-link").click();
  await expect(page.getByTestId("stay-archive")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("archive-q").fill(MRN);
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByTestId("archive-rows").locator("tbody tr");
  await expect(rows).toHaveCount(1, { timeout: 15_000 });
  await expect(rows.first()).toContainText(MRN);
  await expect(rows.first()).toContainText("Ward");

  await rows.first().getByRole("link", { name: "Archive Anaïs" }).click();
  const record = page.getByTestId("stay-record");
  await expect(record).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("stay-record-patient")).toContainText(`MRN ${MRN}`);
  await expect(record).toContainText("Archived: read-only.");
  await expect(page.getByTestId("stay-record-discharge")).toContainText("Ward");
  await expect(record).toContainText("Post-cardiotomy shock");
  // Read-only: no form of the bed page is here, and the print button is.
  await expect(record.locator("form, input, select, textarea")).toHaveCount(0);
  await expect(page.getByTestId("stay-record-print")).toBeVisible();

  // The printed page is the record without its buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("stay-record-print")).toBeHidden();
  await expect(page.getByTestId("stay-record-patient")).toBeVisible();

  // A search too short to mean anything says so, and lists the most recent discharges instead.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/units/${DEMO_UNIT_ID}/archive?q=A`);
  await expect(page.getByTestId("stay-archive")).toContainText("at least 2 characters");
});
