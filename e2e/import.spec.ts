import { expect, test } from "./fixtures";

// An administrator imports lab results from the import page of a station of the test's own (its beds then receive
// values the shared server's other tests do not expect): preview, dry run, import, the same file again, the history,
// and the value on the bed. A physician reads the history but is not offered what the server would refuse.
test.describe("as an administrator", () => {
  test.use({ role: "admin" });

  test("drops a CSV, checks it with a dry run, imports it once, and finds the result on the bed", async ({
    page,
    launchStation,
  }) => {
    test.setTimeout(120_000);
    const server = await launchStation({ name: "import", beds: 2 });
    const now = Date.now();
    const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
    const csv = [
      "patient_id,parameter,value,unit,observed_at",
      `DEMO-0001,lactate,7.9,mmol/L,${minutesAgo(1)}`,
      `DEMO-0001,platelets,87,10*9/L,${minutesAgo(2)}`,
      `DEMO-0001,lactate,abc,mmol/L,${minutesAgo(3)}`,
      `NOBODY-1,lactate,2.0,mmol/L,${minutesAgo(4)}`,
      `DEMO-0001,hemoglobin,12.5,g/mL,${minutesAgo(5)}`,
    ].join("\n");
    const file = { name: "labs.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };

    await page.goto(`${server.baseURL}/import`);
    await page.getByTestId("import-file").setInputFiles(file);
    await expect(page.getByTestId("import-preview")).toBeVisible();
    await expect(page.getByTestId("import-kind")).toHaveValue("csv");
    await expect(page.getByTestId("import-columns")).toContainText("patient_id, parameter, value, unit, observed_at");

    const result = page.getByTestId("import-result");
    const count = (key: string) => page.getByTestId(`import-count-${key}`);
    await page.getByTestId("import-dry-run").click();
    await expect(result).toContainText("Dry run");
    await expect(result).toContainText("Nothing was stored");
    await expect(count("accepted")).toHaveText("2");
    await expect(count("rejected")).toHaveText("3");
    // Each rejection says where and why.
    await expect(result).toContainText("labs.csv line 4");
    await expect(result).toContainText("NOBODY-1");
    await expect(result).toContainText("g/mL");

    await page.getByTestId("import-run").click();
    await expect(result).toContainText("Imported");
    await expect(count("accepted")).toHaveText("2");
    await expect(count("rejected")).toHaveText("3");
    await expect(count("duplicate")).toHaveText("0");

    // The same file again adds nothing.
    await page.getByTestId("import-run").click();
    await expect(count("duplicate")).toHaveText("2");
    await expect(count("accepted")).toHaveText("0");
    await expect(page.getByTestId("import-history").getByRole("row").filter({ hasText: "labs.csv" })).toHaveCount(3);

    await page.goto(`${server.baseURL}/beds/demo-bed-1`);
    await expect(page.getByTestId("lab-lactate")).toContainText("7.9");
    await expect(page.getByTestId("lab-platelets")).toContainText("87");
  });

  test("follows a long import on a progress bar fed by the socket, batch by batch", async ({ page, launchStation }) => {
    test.setTimeout(180_000);
    const server = await launchStation({ name: "import-progress", beds: 2 });
    // 30,000 readings of heart rate and MAP, a second apart, ending an hour ago; the odd milliseconds keep them off
    // the simulator's own times, so that none is a duplicate of a simulated reading.
    const rows = 30_000;
    const first = Date.now() - 3_600_000 - (rows / 2) * 1_000 + 137;
    const lines = ["patient_id,parameter,value,unit,observed_at"];
    for (let i = 0; i < rows; i++) {
      const at = new Date(first + Math.floor(i / 2) * 1_000).toISOString();
      lines.push(
        i % 2 === 0 ? `DEMO-0002,hr,${80 + (i % 10)},/min,${at}` : `DEMO-0002,map,${70 + (i % 5)},mm[Hg],${at}`,
      );
    }
    await page.goto(`${server.baseURL}/import`);
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "device-export.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await expect(page.getByTestId("import-preview")).toBeVisible();

    // Seen while the job runs: a count of records read above zero, before the import's answer ends the bar.
    const progressed = page.waitForFunction(
      () => {
        const counts =
          document.querySelector("[data-testid='import-progress'] .import__progress-counts")?.textContent ?? "";
        const read = Number((/^([\d,.\s\u202f]+) of about/.exec(counts)?.[1] ?? "0").replace(/\D/g, ""));
        return read > 0 && read < 30_000;
      },
      null,
      { polling: "raf", timeout: 120_000 },
    );
    await page.getByTestId("import-run").click();
    await progressed;
    await expect(page.getByTestId("import-result")).toContainText("Imported", { timeout: 120_000 });
    await expect(page.getByTestId("import-count-accepted")).toHaveText(String(rows));
    await expect(page.getByTestId("import-count-rejected")).toHaveText("0");
  });
});

test.describe("as a physician", () => {
  test.use({ role: "physician" });

  test("sees the history and is told who can import, with nothing offered to drop or run", async ({ page }) => {
    await page.goto("/import");
    await expect(page.getByTestId("import-history")).toBeVisible();
    await expect(page.getByTestId("import-not-allowed")).toContainText("administrator");
    await expect(page.getByTestId("import-drop")).toHaveCount(0);
    await expect(page.getByTestId("import-run")).toHaveCount(0);
  });
});
