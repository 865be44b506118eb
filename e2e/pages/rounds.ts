import { expect, type Locator, type Page } from "@playwright/test";

/** The rounds screens (components/rounds/*) through the test ids they promise. */
export class RoundsPages {
  constructor(readonly page: Page) {}

  async openUnit(unitId: string): Promise<void> {
    await this.page.goto(`/rounds/${encodeURIComponent(unitId)}`);
    await expect(this.page.getByTestId("rounds-page")).toBeVisible();
  }

  bed(bedId: string): Locator {
    return this.page.locator(`[data-testid="bed-round"][data-bed-id="${bedId}"]`);
  }

  get form(): Locator {
    return this.page.getByTestId("round-form");
  }

  get saveStatus(): Locator {
    return this.page.getByTestId("round-save-status");
  }

  get signButton(): Locator {
    return this.page.getByTestId("round-sign");
  }

  item(itemId: string): Locator {
    return this.page.locator(`[data-testid="round-item"][data-item-id="${itemId}"]`);
  }

  /** Answers one item: a radio by its visible label, or a number typed in. */
  async answer(itemId: string, value: string, comment?: string): Promise<void> {
    const item = this.item(itemId);
    if ((await item.getAttribute("data-item-type")) === "number") await item.getByRole("textbox").fill(value);
    // The answer's large box (its label), not the "Last: Normal" beside the item.
    else
      await item
        .locator(".round-option")
        .filter({ hasText: new RegExp(`^${value}$`) })
        .click();
    if (comment !== undefined) await item.getByRole("textbox").fill(comment);
  }

  /**
   * Answers every item a nurse would on an uneventful hour (nothing is pre-answered: each one is tapped), except
   * those given in `findings`.
   */
  async answerAll(findings: Record<string, { value: string; comment?: string }> = {}): Promise<void> {
    const items = this.page.getByTestId("round-item");
    await expect(items.first()).toBeVisible();
    for (const itemId of await items.evaluateAll((els) => els.map((el) => el.getAttribute("data-item-id") ?? ""))) {
      const finding = findings[itemId];
      if (finding) {
        await this.answer(itemId, finding.value, finding.comment);
        continue;
      }
      const type = await this.item(itemId).getAttribute("data-item-type");
      await this.answer(
        itemId,
        type === "number" ? "40" : type === "check" ? "Done" : type === "choice" ? "Present" : "Normal",
      );
    }
  }

  /** The rounds of a bed's current episode, as the station stores them. */
  async storedRounds(
    bedId: string,
  ): Promise<Array<{ id: string; answers: Array<{ itemId: string; value: string; abnormal: boolean }> }>> {
    const response = await this.page.request.get(`/api/beds/${encodeURIComponent(bedId)}/rounds`);
    expect(response.status()).toBe(200);
    return (
      (await response.json()) as {
        rounds: Array<{ id: string; answers: Array<{ itemId: string; value: string; abnormal: boolean }> }>;
      }
    ).rounds;
  }
}
