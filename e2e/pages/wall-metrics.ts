import type { Page } from "@playwright/test";

interface TWallMetrics {
  /** The smallest font size (px) of any visible text on the tiles. */
  readonly smallestTileText: number;
  readonly smallestTileTextSample: string;
  /** The font size (px) of the device values' numbers (the largest text of a tile). */
  readonly valueText: number;
  /** The smallest font size (px) of visible text in the alarm panel. */
  readonly smallestPanelText: number;
  /** Elements of the wall whose content is cut: wider or taller than their box while hiding the overflow. */
  readonly cut: readonly string[];
}

/**
 * What the wall draws, measured in the page: text sizes (screen-reader-only text aside) and every element whose
 * content does not fit its own box. An ellipsis or a clipped line hides part of a value, a label or an alarm
 * reason without a scrollbar to tell; on a wall, nothing may be cut.
 */
export function wallMetrics(page: Page): Promise<TWallMetrics> {
  return page.evaluate(() => {
    const seen = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && el.closest(".visually-hidden, [hidden]") === null;
    };
    const smallest = (root: Element | null): [number, string] => {
      let size = Infinity;
      let sample = "";
      if (!root) return [size, sample];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || !seen(el)) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < size) [size, sample] = [px, node.textContent.trim().slice(0, 40)];
      }
      return [size, sample];
    };
    let tileSize = Infinity;
    let tileSample = "";
    for (const tile of document.querySelectorAll("[data-testid='bed-tile']")) {
      const [size, sample] = smallest(tile);
      if (size < tileSize) [tileSize, tileSample] = [size, sample];
    }
    const value = document.querySelector(".value__number");
    const cut: string[] = [];
    for (const el of document.querySelectorAll(".station__header *, .station__grid *, .alarm-panel *")) {
      if (!seen(el)) continue;
      const style = getComputedStyle(el);
      const hides = style.overflowX !== "visible" || style.overflowY !== "visible" || style.textOverflow === "ellipsis";
      if (!hides) continue;
      // The alarm list hides what does not fit on purpose, and says how many more (alarm-list-more).
      if (el.matches(".alarm-list")) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        const where = el.closest("[data-bed-id]")?.getAttribute("data-bed-id") ?? "panel";
        cut.push(`${where}: ${el.className || el.tagName} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
      }
    }
    return {
      smallestTileText: tileSize,
      smallestTileTextSample: tileSample,
      valueText: value ? parseFloat(getComputedStyle(value).fontSize) : 0,
      smallestPanelText: smallest(document.querySelector("[data-testid='alarm-panel']"))[0],
      cut,
    };
  });
}

/**
 * Headings of the wall whose words are broken across lines ("Mediu/m", "Technic/al"): each word of each visible
 * heading is wrapped in a Range, and a word drawn as more than one box has been cut inside. Returns "heading: word".
 */
export function brokenHeadingWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const headings = document.querySelectorAll(
      ".station__header h1, .station__grid h2, .alarm-panel th, .alarm-panel h2, .alarm-panel h3",
    );
    for (const heading of headings) {
      if (heading.closest(".visually-hidden, [hidden]")) continue;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (node.parentElement?.closest(".visually-hidden")) continue;
        const text = node.data;
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${(heading.textContent ?? "").trim().slice(0, 30)}: ${match[0]}`);
        }
      }
    }
    return broken;
  });
}
