"use client";

import { type RefObject, useLayoutEffect } from "react";

/** The attribute a part of a tile carries when it may be left out for room; station.css hides it once set to "out". */
export const FIT_ATTRIBUTE = "data-fit";

/**
 * Draws only the parts of a tile that fit whole. A tile's text no longer shrinks with the bed count (it is sized to
 * be legible at 3 m, docs/station-legibility.md), so a small tile cannot hold everything: its parts come in order of
 * priority (lib/station/prepare-tile.ts, tileParts) and every part marked `data-fit` that would reach past the box's
 * bottom or right edge is left out, never drawn in half. A cut value ("4," of "4,2") is worse than no value.
 *
 * It measures with every part in, then marks those that do not fit, before the browser paints. It measures again
 * when the box changes size (a banner appears, the window turns) and when the tile's text changes (a line that
 * counts, an alarm that comes or goes): the parts draw their own data, so the tile is not re-rendered for it.
 */
export function useWholeCells(box: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    let fitting = false;
    const fit = () => {
      if (fitting) return;
      fitting = true;
      const parts = [...root.querySelectorAll<HTMLElement>(`[${FIT_ATTRIBUTE}]`)];
      for (const part of parts) part.setAttribute(FIT_ATTRIBUTE, "in");
      const edge = root.getBoundingClientRect();
      // Padding is the tile's margin for the eye: a part that reaches into it does not fit. A part that ends exactly
      // at the edge fits (the last column of a grid does, to the subpixel): a few hundredths of a pixel to spare.
      const style = getComputedStyle(root);
      const bottom = edge.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth) + 0.05;
      const right = edge.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) + 0.05;
      // Read every box first, then write: one layout, not one per part.
      const out = parts.filter((part) => {
        const rect = part.getBoundingClientRect();
        // A part wider than itself (a number that cannot wrap) would be clipped by the tile: out too.
        return rect.bottom > bottom || rect.right > right || part.scrollWidth > part.clientWidth + 1;
      });
      for (const part of out) part.setAttribute(FIT_ATTRIBUTE, "out");
      fitting = false;
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(root);
    // Our own attribute changes are not watched: only what the parts draw.
    const mutation = new MutationObserver(fit);
    mutation.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      resize.disconnect();
      mutation.disconnect();
    };
  });
}
