import { expect, test } from "./fixtures";

// Issue 16: a laboratory corrects a result. The anti-Xa 0.52 IU/mL (out of target, alarm raised) is corrected to 0.25
// by an HL7 v2.5.1 ORU^R01 with OBX-11 "C" for the same order and OBX, imported over HTTP: within seconds the tile,
// the alarm's text and the bed's labs say 0.25, the bed says CORRECTED, and the value's history keeps 0.52; the trend
// draws 0.25 marked corrected (in the server-drawn sketch too), and 0.52 only once "Show corrected results" is
// ticked, apart from the line.
test.describe("a corrected laboratory result", () => {
  test.use({ role: "admin" });

  test("replaces the original on the tile, in the alarm and on the bed", async ({ page, launchStation }) => {
    test.setTimeout(120_000);
    const server = await launchStation({ name: "lab-corrections", beds: 2 });
    const sampled = new Date(Date.now() - 20 * 60_000);
    const hl7Time = (d: Date) => `${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+0000`;
    const message = (controlId: string, value: string, status: string) =>
      [
        `MSH|^~\\&|SYNLAB|SYNHOSP|ICU|SYNHOSP|${hl7Time(new Date())}||ORU^R01^ORU_R01|${controlId}|P|2.5.1`,
        "PID|1||DEMO-0001^^^SYNHOSP^MR||Synthetic^Alpha||19600101|F",
        `OBR|1|PLC-E2E|FIL-E2E|3274-8^Anti-Xa^LN|||${hl7Time(sampled)}`,
        `OBX|1|NM|3274-8^Heparin anti-Xa^LN|1|${value}|IU/mL|0.30-0.70||||${status}|||${hl7Time(sampled)}`,
      ].join("\r");
    const post = (fileName: string, body: string) =>
      page.request.post(`${server.baseURL}/api/imports?kind=hl7&fileName=${fileName}`, {
        data: body,
        headers: { "content-type": "application/octet-stream", origin: server.baseURL },
      });

    await page.goto(`${server.baseURL}/station/demo-icu`);
    const antiXa = page.locator('[data-bed-id="demo-bed-1"] [data-testid="value-anti_xa"]');

    expect((await post("antixa-final.hl7", message("E2E-1", "0.52", "F"))).ok()).toBe(true);
    await expect(antiXa).toContainText("0.52", { timeout: 10_000 });
    const alarm = page.locator('[data-bed-id="demo-bed-1"] [data-testid="tile-alarm"]');
    await expect(alarm).toContainText("0.52", { timeout: 15_000 });

    expect((await post("antixa-corrected.hl7", message("E2E-2", "0.25", "C"))).ok()).toBe(true);
    await expect(antiXa).toContainText("0.25", { timeout: 10_000 });
    await expect(page.locator('[data-bed-id="demo-bed-1"] [data-testid="result-status-anti_xa"]')).toHaveText(
      "CORRECTED",
    );
    await expect(alarm).toContainText("0.25", { timeout: 15_000 });
    await expect(alarm).not.toContainText("0.52");

    await page.goto(`${server.baseURL}/beds/demo-bed-1`);
    await expect(page.getByTestId("lab-anti_xa")).toContainText("0.25");
    await expect(page.getByTestId("lab-result-status-anti_xa")).toHaveText("CORRECTED");
    await expect(page.getByTestId("lab-history-anti_xa")).toContainText("0.52");
    await expect(page.getByTestId("lab-history-anti_xa")).toContainText("corrected to 0.25");

    // The first picture, drawn by the server before any script runs, marks the correction as the chart will.
    const html = await (await page.request.get(`${server.baseURL}/beds/demo-bed-1`)).text();
    expect(html).toContain('data-lab-mark="corrected"');

    // The trend draws the correction that stands, marked as such; the original 0.52 only on request, apart.
    const trend = page.getByTestId("trend-anti_xa");
    await trend.scrollIntoViewIfNeeded();
    await expect(trend.locator('[data-renderer="recharts"]')).toBeVisible({ timeout: 20_000 });
    await expect(trend.locator('[data-lab-mark="corrected"]')).toHaveCount(1, { timeout: 10_000 });
    await expect(trend.locator('[data-lab-mark="superseded"]')).toHaveCount(0);
    const toggle = page.getByTestId("trend-anti_xa-show-superseded");
    await expect(trend).toContainText("Show corrected results");
    await toggle.check();
    await expect(trend.locator('[data-lab-mark="superseded"][data-how="corrected"]')).toHaveCount(1);
    await expect(trend.locator('[data-lab-mark="corrected"]')).toHaveCount(1);
    await toggle.uncheck();
    await expect(trend.locator('[data-lab-mark="superseded"]')).toHaveCount(0);
  });
});
