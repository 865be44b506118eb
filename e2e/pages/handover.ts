import { expect, type Locator, type Page } from "@playwright/test";

/** A bed's handover sheet (components/handover/*), through the test ids its components promise. */
export class HandoverSheet {
  readonly sheet: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.getByTestId("handover-sheet");
    this.status = page.getByTestId("handover-status");
  }

  async open(bedId: string, shiftKey?: string): Promise<void> {
    await this.page.goto(
      `/beds/${encodeURIComponent(bedId)}/handover${shiftKey ? `?shift=${encodeURIComponent(shiftKey)}` : ""}`,
    );
    await expect(this.sheet).toBeVisible({ timeout: 30_000 });
  }

  async shiftKey(): Promise<string> {
    return (await this.page.getByTestId("handover-shift").first().getAttribute("data-shift")) ?? "";
  }

  async addAction(text: string): Promise<void> {
    await this.page.getByTestId("handover-new-action").fill(text);
    await this.page.getByTestId("handover-add-action").click();
    await expect(this.page.locator(".no-print").getByTestId("handover-actions").getByText(text)).toBeVisible();
  }

  async writeDraft({
    severity,
    situation,
    contingency,
  }: {
    severity: "stable" | "watcher" | "unstable";
    situation: string;
    contingency: { if: string; then: string };
  }): Promise<void> {
    await this.page.getByTestId("handover-severity-choice").locator(`input[value="${severity}"]`).check();
    await this.page.getByTestId("handover-situation-input").fill(situation);
    await this.page.getByTestId("handover-add-contingency").click();
    await this.page.getByTestId("handover-if").last().fill(contingency.if);
    await this.page.getByTestId("handover-then").last().fill(contingency.then);
  }

  async save(): Promise<void> {
    await this.page.getByTestId("handover-save").click();
  }

  async signOut(): Promise<void> {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.page.getByTestId("handover-sign-out").click();
  }

  async receive(readBack: string): Promise<void> {
    await this.page.getByTestId("handover-read-back-input").fill(readBack);
    await this.page.getByTestId("handover-receive").click();
  }
}

/** The unit handover page: one row per bed with the state of its sheet. */
export class UnitHandover {
  constructor(readonly page: Page) {}

  async open(unitId: string, shiftKey?: string): Promise<void> {
    await this.page.goto(
      `/units/${encodeURIComponent(unitId)}/handover${shiftKey ? `?shift=${encodeURIComponent(shiftKey)}` : ""}`,
    );
    await expect(this.page.getByTestId("unit-handover")).toBeVisible({ timeout: 30_000 });
  }

  row(bedId: string): Locator {
    return this.page.getByTestId(`unit-handover-bed-${bedId}`);
  }
}
