import { expect, type Locator, type Page } from "@playwright/test";

/** The central station's alarms (components/alarms/*), through their test ids and roles. */
export class AlarmPanel {
  readonly panel: Locator;
  readonly items: Locator;
  readonly acknowledgeDialog: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("alarm-panel");
    this.items = page.getByTestId("alarm-item");
    this.acknowledgeDialog = page.getByTestId("acknowledge-dialog");
    this.history = page.getByTestId("alarm-history");
  }

  itemsOf(bedId: string): Locator {
    return this.page.locator(`[data-testid="alarm-item"][data-bed-id="${bedId}"]`);
  }

  item(bedId: string, ruleId: string): Locator {
    return this.page.locator(`[data-testid="alarm-item"][data-bed-id="${bedId}"][data-rule="${ruleId}"]`);
  }

  /** The tile's alarm colour as drawn: the CSS custom property its border and alarm line are painted with. */
  async tileColour(tile: Locator): Promise<string> {
    return tile.evaluate((el) => getComputedStyle(el).getPropertyValue("--alarm").trim().toLowerCase());
  }

  /** ACKNOWLEDGED with a reason (the label shown, e.g. "Treated") through the dialog. */
  async acknowledge(item: Locator, reason: string, comment?: string): Promise<void> {
    await item.getByTestId("alarm-acknowledge").click();
    await expect(this.acknowledgeDialog).toBeVisible();
    await this.acknowledgeDialog.getByLabel(reason, { exact: true }).check();
    if (comment) await this.acknowledgeDialog.getByRole("textbox").fill(comment);
    await this.acknowledgeDialog.getByTestId("acknowledge-submit").click();
    await expect(this.acknowledgeDialog).toBeHidden();
  }

  async openHistory(bedId: string): Promise<void> {
    await this.page
      .locator(`[data-testid="alarm-burden-row"][data-bed-id="${bedId}"]`)
      .getByTestId("alarm-history-open")
      .click();
    await expect(this.history).toBeVisible();
  }
}
