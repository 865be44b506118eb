// Browser time to first draw of the bed page with six charts, in Chromium, against a running station:
//   BENCH_URL=http://127.0.0.1:3401 [BENCH_BED=demo-bed-1] [BENCH_RUNS=7] node --import tsx bench/bed-page-draw.ts
// It signs in first as BENCH_USERNAME / BENCH_PASSWORD (default: the demo nurse, a member of the demo unit).
// Run it against a production build (`next build`), not `next dev`, whose first compile would be measured instead.
// Each run opens a fresh browser context (no cache, no socket) and measures from navigation start to the first
// animation frame in which the first six trend charts in page order (at 1920 × 1080, the six a user sees first at
// the top of the trends: the device charts and the first lab) are rendered (not still in the hidden container of a
// streamed part) and each hold a drawn, non-empty line
// (`bed:six-charts-drawn`), whether that line is the server-drawn sketch or recharts' own; then to the frame in which
// every chart of the page has settled and is drawn by recharts (`bed:all-charts-drawn`: the page is fully
// interactive). It also prints the browser's first contentful paint, which may come before the charts: the browser
// paints what it has parsed so far (the header and the device panel) while the rest of the page is parsed. Not a
// test: it prints.
import { chromium } from "@playwright/test";

const base = process.env.BENCH_URL;
if (!base) throw new Error("BENCH_URL is required: the address of a running station (e.g. http://127.0.0.1:3401)");
const bedId = process.env.BENCH_BED ?? "demo-bed-1";
const runs = Number(process.env.BENCH_RUNS ?? 7);
const charts = 6;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const username = process.env.BENCH_USERNAME ?? "nurse";
const password = process.env.BENCH_PASSWORD ?? "nurse-demo-2026";

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const origin = base.replace(/\/$/, "");
const url = `${origin}/beds/${encodeURIComponent(bedId)}`;
const samples: {
  draw: number;
  all: number;
  domContentLoaded: number;
  ttfb: number;
  fcp: number;
  drawnCharts: number;
}[] = [];
try {
  // One sign-in, outside the measure; each run's fresh context starts from its cookie (and nothing else: no cache).
  const signInContext = await browser.newContext();
  const signedIn = await signInContext.request.post(`${origin}/api/auth/sign-in`, {
    data: { username, password },
    headers: { origin },
  });
  if (!signedIn.ok())
    throw new Error(`sign-in as "${username}" failed (${signedIn.status()}): set BENCH_USERNAME and BENCH_PASSWORD`);
  const storageState = await signInContext.storageState();
  await signInContext.close();
  // One unmeasured load warms the server's route handlers and the OS file cache.
  for (let run = -1; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, storageState });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(
      (count) => {
        // The first `count` charts in page order, not any `count` lines: a chart of four lines is one chart, and
        // charts below the fold drawn early are not what the user sees. Rendered ones only: a streamed page holds
        // its late parts in a hidden container until React moves them into place.
        const cards = [...document.querySelectorAll("[data-testid^='trend-'][data-state]")]
          .filter((card) => card.checkVisibility())
          .slice(0, count);
        const drawn = cards.filter(
          (card) =>
            // A line, or the dots of lab results (a single sample has no line to draw).
            [...card.querySelectorAll(".trend-sketch__line, .trend-sketch__dots, .recharts-line-curve")].some(
              (path) => (path.getAttribute("d") ?? "").length > 1,
            ) || card.querySelector(".recharts-line-dot") !== null,
        );
        if (cards.length < count || drawn.length < count) return false;
        performance.mark("bed:six-charts-drawn");
        return true;
      },
      charts,
      { polling: "raf", timeout: 30_000 },
    );
    // Every chart settled (drawn, or saying it has nothing to draw) and every drawn one handed over to recharts.
    await page.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll("[data-testid^='trend-'][data-state]")].filter((card) =>
          card.checkVisibility(),
        );
        if (cards.length === 0 || cards.some((c) => c.getAttribute("data-state") === "loading")) return false;
        if (cards.some((c) => c.getAttribute("data-state") === "drawn" && !c.querySelector(".recharts-line")))
          return false;
        performance.mark("bed:all-charts-drawn");
        return true;
      },
      null,
      { polling: "raf", timeout: 30_000 },
    );
    const figures = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const mark = performance.getEntriesByName("bed:six-charts-drawn")[0];
      const all = performance.getEntriesByName("bed:all-charts-drawn")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
      return {
        // The mark is taken in an animation frame's callback, before that frame paints: when the charts came with
        // the server's HTML, the user sees them at the first paint, which may come later; so the later of the two.
        draw: Math.max(mark?.startTime ?? NaN, fcp),
        all: all?.startTime ?? NaN,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? NaN,
        ttfb: navigation?.responseStart ?? NaN,
        fcp,
        drawnCharts: document.querySelectorAll("[data-testid^='trend-'][data-state='drawn']").length,
      };
    });
    if (run >= 0) samples.push(figures);
    await context.close();
  }
} finally {
  await browser.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const draws = samples.map((s) => s.draw);
console.log(`\n## Bed page: first draw of ${charts} charts in Chromium (${url})\ntarget: ≤ 500 ms`);
const rows: Record<string, string> = {
  runs: String(samples.length),
  "median to six charts on screen, ms": median(draws).toFixed(0),
  "fastest / slowest, ms": `${Math.min(...draws).toFixed(0)} / ${Math.max(...draws).toFixed(0)}`,
  "median first contentful paint, ms": median(samples.map((s) => s.fcp)).toFixed(0),
  "median to every chart by recharts, ms": median(samples.map((s) => s.all)).toFixed(0),
  "charts on the page": String(samples[0]?.drawnCharts ?? 0),
  "median time to first byte, ms": median(samples.map((s) => s.ttfb)).toFixed(0),
  "median DOMContentLoaded, ms": median(samples.map((s) => s.domContentLoaded)).toFixed(0),
};
for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(38)} ${v}`);
// Every run, for a loaded machine's outliers.
if (process.env.BENCH_VERBOSE)
  for (const s of samples)
    console.log(`  run: ${JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v)])))}`);
