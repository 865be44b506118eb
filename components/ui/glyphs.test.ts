import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The symbols beyond Latin, Greek and the usual punctuation that the screens draw, each one DejaVu Sans has (checked
 * with `fc-list ':charset=<hex>'` on Debian's fonts-dejavu-core and -extra, the faces .ci/run installs and
 * docs/station-legibility.md names). A symbol no installed face has is drawn as an empty box: "⏱" before a tile's
 * protocol step and "⧗" for a LATCHED alarm were boxes on the wall. Add a symbol here only after checking its glyph.
 */
const DRAWN = new Set("–—’“”…‹›⁹⁻₂₃↑→↓−≈≤≥▲△▼▽◷☐☑⚑⚠✓");

function sources(dir: string, keep: (file: string) => boolean): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((file) => path.join(dir, file))
    .filter((file) => keep(file) && !file.includes(".test.") && !file.includes(`${path.sep}generated`));
}

describe("the symbols on screen", () => {
  it("are all drawn by the station's font", () => {
    const files = [
      ...sources("components", (f) => /\.(tsx|ts|css)$/.test(f)),
      ...sources("app", (f) => /\.(tsx|ts|css)$/.test(f)),
      ...sources("lib", (f) => /\.(tsx|ts|json)$/.test(f)),
    ];
    const missing = files.flatMap((file) =>
      [...new Set(readFileSync(path.join(ROOT, file), "utf8"))]
        .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x2000 && !DRAWN.has(ch))
        .map((ch) => `${ch} U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()} in ${file}`),
    );
    expect(missing).toEqual([]);
  });
});
