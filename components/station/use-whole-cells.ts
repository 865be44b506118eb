"use client";

import { type RefObject, useLayoutEffect } from "react";

/**
 * Draws only the parts of a tile that fit whole. A tile's text no longer shrinks with the bed count (it is sized to
 * be legible at 3 m, docs/station-legibility.md), so a small tile cannot hold everything: its parts stand in order
 * of priority (station.css) and every part marked `data-fit` that would reach past the tile's bottom or right edge,
 * or is wider than itself, is left out (`data-fit="out"`), never drawn in half: "4," of "4,2" is worse than no
 * value. A block marked `data-fit-group` whose every part is out is left out too, so that no empty rule remains.
 *
 * A tile is measured when it mounts, when its size changes (a banner appears, the window turns) and when its text
 * changes (a line that counts, an alarm that comes or goes: the parts draw their own data, so the tile itself is not
 * re-rendered for it). The tiles waiting to be measured are measured together, before the browser paints: every part
 * put back in, one layout for all of them, then the parts that do not fit taken out. Measuring each tile on its own
 * forced a layout per tile, which on a 32-bed 4K wall starved the screen's other work.
 */
export function useWholeCells(box: RefObject<HTMLElement | null>, shape: string): void {
  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    const refit = () => schedule(root);
    refit();
    const resize = new ResizeObserver(refit);
    resize.observe(root);
    // Only what the parts draw is watched, not the attributes this hook writes.
    const mutation = new MutationObserver(refit);
    mutation.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      resize.disconnect();
      mutation.disconnect();
      waiting.delete(root);
    };
    // `shape` (the tile's kind) decides whether the tile has parts to fit at all.
  }, [box, shape]);
}

const waiting = new Set<HTMLElement>();
let scheduled = false;

function schedule(root: HTMLElement): void {
  waiting.add(root);
  if (scheduled) return;
  scheduled = true;
  // Observers' callbacks and layout effects all run before the next paint; so does a microtask queued by them.
  queueMicrotask(fitWaiting);
}

type TTileParts = { root: HTMLElement; parts: HTMLElement[]; groups: HTMLElement[] };

/** The parts of a tile that do not fit whole, as laid out now (a read: the browser lays out once for all tiles). */
function partsOut({ root, parts }: TTileParts): HTMLElement[] {
  const edge = root.getBoundingClientRect();
  const style = getComputedStyle(root);
  // Padding is the tile's margin for the eye: a part that reaches into it does not fit. A part that ends exactly
  // at the edge fits (the last column of a grid does, to the subpixel): a few hundredths of a pixel to spare.
  const bottom = edge.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth) + 0.05;
  const right = edge.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) + 0.05;
  return parts.filter((part) => {
    if (part.getAttribute("data-fit") === "shed") return false; // given away: not drawn at all
    const rect = part.getBoundingClientRect();
    // A part wider than itself (a number that cannot wrap) would be clipped by the tile: out too.
    return rect.bottom > bottom || rect.right > right || part.scrollWidth > part.clientWidth + 1;
  });
}

function fitWaiting(): void {
  scheduled = false;
  const roots = [...waiting].filter((root) => root.isConnected);
  waiting.clear();
  const tiles: TTileParts[] = roots.map((root) => ({
    root,
    parts: [...root.querySelectorAll<HTMLElement>("[data-fit]")],
    groups: [...root.querySelectorAll<HTMLElement>("[data-fit-group]")],
  }));
  // Write: everything in.
  for (const { parts, groups } of tiles) {
    for (const part of parts) part.setAttribute("data-fit", "in");
    for (const group of groups) group.setAttribute("data-fit-group", "");
  }
  // Read: one layout for every tile.
  const out = tiles.map(partsOut);
  // A full tile whose key values or lactate do not fit (an alarm line and an overdue round took their room) gives
  // them the room of the values a compact tile leaves out (lib/station/tile-density.ts isSheddableCell), the last
  // first, one at a time, until they fit or nothing is left to give: under pressure a full tile becomes what a
  // compact tile is, rather than losing its lab row and its last key values from the bottom. Only those tiles are
  // laid out again, once a value given (a full tile has at most six such values, a full wall at most twelve tiles).
  let shedding = tiles.flatMap((tile, index) => {
    const keepOut = (out[index] ?? []).some((part) => part.hasAttribute("data-fit-keep"));
    const candidates = tile.parts.filter((part) => part.hasAttribute("data-fit-shed")).reverse();
    return keepOut && candidates.length > 0 ? [{ index, candidates }] : [];
  });
  while (shedding.length > 0) {
    for (const tile of shedding) tile.candidates.shift()?.setAttribute("data-fit", "shed");
    const again = shedding.map(({ index }) => partsOut(tiles[index] as TTileParts));
    shedding = shedding.filter((tile, i) => {
      const now = again[i] ?? [];
      out[tile.index] = now;
      return tile.candidates.length > 0 && now.some((part) => part.hasAttribute("data-fit-keep"));
    });
  }
  // Write: what does not fit out, and the blocks left empty.
  tiles.forEach(({ groups }, index) => {
    for (const part of out[index] ?? []) part.setAttribute("data-fit", "out");
    for (const group of groups) {
      const empty = [...group.querySelectorAll("[data-fit]")].every((part) => part.getAttribute("data-fit") !== "in");
      group.setAttribute("data-fit-group", empty ? "empty" : "");
    }
  });
}
