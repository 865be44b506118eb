import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TLabSample, TReplacedLabSample } from "@/lib/bed/bed-detail";
import { prepareTrendChart } from "@/lib/bed/prepare-trend-chart";
import { trendChartsFor } from "@/lib/bed/trend-charts";
import en from "@/lib/i18n/messages/en.json";
import { TrendSketch } from "./TrendSketch";

const T0 = Date.UTC(2025, 0, 6, 8);
const H = 3_600_000;
const spec = trendChartsFor("VA_ECMO").find((c) => c.id === "anti_xa");
const labs: TLabSample[] = [
  { seq: 1, value: 0.35, observedAt: T0 + H },
  { seq: 4, value: 0.1, observedAt: T0 + 2 * H, comparator: "<" },
  { seq: 5, value: 0.25, observedAt: T0 + 3 * H, status: "corrected" },
];
const replaced: TReplacedLabSample[] = [
  { seq: 3, value: 0.52, observedAt: T0 + 3 * H, replacedBy: { seq: 5, status: "corrected", value: 0.25 } },
];

/** The sketch as the server sends it with the page, before any script has run. */
function sketchHtml(showSuperseded: boolean): string {
  if (!spec) throw new Error("no anti-Xa chart");
  const chart = prepareTrendChart({
    spec,
    deviceType: "VA_ECMO",
    locale: "en",
    timeZone: "UTC",
    from: T0,
    to: T0 + 4 * H,
    width: 600,
    labTimes: [],
    points: { anti_xa: labs.map((s) => ({ t: s.observedAt, v: s.value })) },
    labs: { anti_xa: labs },
    replacedLabs: { anti_xa: replaced },
    showSuperseded,
  });
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <TrendSketch chart={chart} timeZone="UTC" height={200} />
    </NextIntlClientProvider>,
  );
}

describe("TrendSketch: the server-drawn first picture of a lab trend", () => {
  it("carries the interactive chart's lab marks, not plain dots: the censored triangle and the correction's ring", () => {
    const html = sketchHtml(false);
    expect(html.match(/data-lab-mark="current"/g)).toHaveLength(2);
    expect(html).toContain('data-censored="below"');
    expect(html.match(/data-lab-mark="corrected"/g)).toHaveLength(1);
    expect(html).not.toContain('data-lab-mark="superseded"');
    expect(html).not.toContain("trend-sketch__dots");
  });

  it("draws the superseded original only on request, saying what replaced it", () => {
    expect(sketchHtml(true)).toContain('data-lab-mark="superseded" data-how="corrected"');
  });
});
