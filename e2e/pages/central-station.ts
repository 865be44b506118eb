import { expect, type Locator, type Page } from "@playwright/test";
import { demoFreeBedCount } from "../support/station-env";

export type TLanguage = "en" | "fr";

/**
 * The central station wall screen (components/station/*), as a test sees it: through the test ids and roles the
 * components promise (components/station/BedTile.test.tsx pins them).
 */
export class CentralStation {
  readonly tiles: Locator;
  readonly clock: Locator;
  readonly connectionState: Locator;
  readonly banner: Locator;
  readonly primaryAlarmSource: Locator;

  constructor(readonly page: Page) {
    this.tiles = page.getByTestId("bed-tile");
    this.clock = page.getByTestId("station-clock");
    this.connectionState = page.getByTestId("connection-state");
    // The banner is a technical alarm: it must be announced (role=alert), not only drawn.
    this.banner = page.getByRole("alert").and(page.getByTestId("connection-banner"));
    this.primaryAlarmSource = page.getByTestId("primary-alarm-source");
  }

  /** Opens a unit's station; `baseURL` for a test's own server, the shared webServer otherwise. */
  async open(unitId: string, baseURL?: string): Promise<void> {
    const path = `/station/${encodeURIComponent(unitId)}`;
    await this.page.goto(baseURL ? new URL(path, baseURL).toString() : path);
  }

  tile(bedId: string): Locator {
    return this.page.locator(`[data-testid="bed-tile"][data-bed-id="${bedId}"]`);
  }

  value(bedId: string, parameter: string): Locator {
    return this.tile(bedId).getByTestId(`value-${parameter}`);
  }

  staleLine(bedId: string): Locator {
    return this.tile(bedId).getByTestId("stale-line");
  }

  languageButton(language: TLanguage): Locator {
    return this.page.getByTestId(`language-${language}`);
  }

  async bedIds(): Promise<string[]> {
    return this.tiles.evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute("data-bed-id") ?? ""));
  }

  /** When a value was measured (epoch ms), as the tile says; null when it shows no reading. */
  async observedAt(bedId: string, parameter: string): Promise<number | null> {
    const attribute = await this.value(bedId, parameter).getAttribute("data-observed-at");
    return attribute === null ? null : Number(attribute);
  }

  /** The server time the clock shows, epoch ms (its datetime attribute); null before the screen has a clock. */
  async clockTime(): Promise<number | null> {
    const attribute = await this.clock.getAttribute("datetime");
    return attribute === null ? null : Date.parse(attribute);
  }

  /**
   * Waits until the screen is live and shows `count` beds, each occupied one with a measured value of `parameter`
   * (every tile shows the MAP, compact ones included: lib/station/tile-density.ts), and fresh: what a nurse sees a few seconds after the screen is switched on.
   * The demo leaves beds free (demoFreeBedCount): they show empty, with no value.
   */
  async waitForLiveBeds(count: number, { parameter = "map", timeout = 30_000 } = {}): Promise<void> {
    await expect(this.connectionState).toHaveAttribute("data-state", "live", { timeout });
    await expect(this.tiles).toHaveCount(count, { timeout });
    await expect
      .poll(
        () =>
          this.tiles.evaluateAll(
            (tiles, code) =>
              tiles.filter(
                (tile) =>
                  tile.getAttribute("data-stale") === "false" &&
                  tile.querySelector(`[data-testid="value-${code}"][data-observed-at]`) !== null,
              ).length,
            parameter,
          ),
        { message: `every bed shows a fresh ${parameter}`, timeout },
      )
      .toBe(count - demoFreeBedCount(count));
  }

  /** Waits until a bed's value is measured after `after` (epoch ms): the screen is receiving, not frozen. */
  async waitForNewerValue(bedId: string, parameter: string, after: number, timeout = 10_000): Promise<void> {
    await expect
      .poll(() => this.observedAt(bedId, parameter), {
        message: `${bedId} ${parameter} measured after ${after}`,
        timeout,
      })
      .toBeGreaterThan(after);
  }

  async switchLanguage(language: TLanguage): Promise<void> {
    await this.languageButton(language).click();
    await expect(this.languageButton(language)).toHaveAttribute("aria-pressed", "true");
    await expect(this.page.locator("html")).toHaveAttribute("lang", language);
  }

  /** What the document would scroll by, if anything: the wall is designed to need no scrolling at all. */
  async scrollOverflow(): Promise<{ x: number; y: number }> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { x: root.scrollWidth - window.innerWidth, y: root.scrollHeight - window.innerHeight };
    });
  }

  /**
   * Tiles that do not fit: outside the window, or with content running past their own edges. The station hides
   * overflow (a tile that runs out of room clips at the bottom), so a document that does not scroll is not enough:
   * a cut-off tile would hide its last values, or its stale line, without a scrollbar to tell.
   */
  async clippedTiles(): Promise<string[]> {
    return this.tiles.evaluateAll((tiles) =>
      tiles.flatMap((tile) => {
        const box = tile.getBoundingClientRect();
        const problems = [
          box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth
            ? "outside the window"
            : null,
          tile.scrollHeight > tile.clientHeight
            ? `content ${tile.scrollHeight - tile.clientHeight}px taller than the tile`
            : null,
          tile.scrollWidth > tile.clientWidth
            ? `content ${tile.scrollWidth - tile.clientWidth}px wider than the tile`
            : null,
        ].filter((problem) => problem !== null);
        return problems.length === 0 ? [] : [`${tile.getAttribute("data-bed-id")}: ${problems.join(", ")}`];
      }),
    );
  }
}
