import type { Locator, Page } from "@playwright/test";

/** The bed view (components/bed/*), through the test ids its components promise. */
export class BedView {
  readonly root: Locator;
  readonly title: Locator;
  readonly trends: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("bed-view");
    this.title = page.getByTestId("bed-title");
    this.trends = page.getByTestId("trends");
  }

  panelValue(code: string): Locator {
    return this.page.getByTestId(`panel-${code}`);
  }

  async observedAt(code: string): Promise<number | null> {
    const attribute = await this.panelValue(code).getAttribute("data-observed-at");
    return attribute === null ? null : Number(attribute);
  }

  range(range: "6h" | "24h" | "72h" | "7d" | "episode"): Locator {
    return this.page.getByTestId(`range-${range}`);
  }

  chart(id: string): Locator {
    return this.page.getByTestId(`trend-${id}`);
  }

  table(id: string): Locator {
    return this.page.getByTestId(`trend-table-${id}`);
  }
}
