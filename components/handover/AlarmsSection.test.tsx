import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import handoverEn from "@/lib/i18n/messages/handover.en.json";
import handoverFr from "@/lib/i18n/messages/handover.fr.json";
import type { TAlarmSection, THandoverData } from "@/lib/handover";
import { AlarmsSection } from "./HandoverShiftSections";

const AT = Date.UTC(2026, 0, 15, 10);
type TItem = Extract<TAlarmSection, { available: true }>["raised"][number];

const base = {
  raisedAt: AT,
  resolvedAt: null,
  status: "active",
  parameter: null,
  value: null,
  limit: null,
  comparison: null,
  valueUnit: null,
} as const;
const nirs: TItem = {
  ...base,
  id: "a1",
  priority: "medium",
  ruleId: "nirs-difference",
  messageKey: "nirsDifference",
  parameter: "nirs_left",
  value: 20,
  limit: 20,
  comparison: "gte",
  valueUnit: "%",
};
const finding: TItem = {
  ...base,
  id: "a2",
  priority: "medium",
  ruleId: "round-abnormal-finding",
  messageKey: "roundAbnormalFinding",
  summary: { en: "Left leg pulse weak", fr: "Pouls jambe gauche faible" },
};
// A sheet frozen before the message key was kept.
const frozen: TItem = {
  ...base,
  id: "a3",
  priority: "high",
  ruleId: "lactate-high",
  parameter: "lactate",
  value: 4.6,
  limit: 4,
  comparison: "gte",
  valueUnit: "mmol/L",
};

function render(locale: "en" | "fr"): string {
  const items = [nirs, finding, frozen];
  const data = {
    alarms: { available: true, counts: { high: 1, medium: 2, low: 0, technical: 0 }, raised: items, active: items },
  } as unknown as THandoverData;
  const messages = locale === "en" ? { ...handoverEn, ...alarmsEn } : { ...handoverFr, ...alarmsFr };
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <AlarmsSection data={data} when={() => "10:00"} />
    </NextIntlClientProvider>,
  );
  return html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");
}

describe("the handover's alarm lines", () => {
  it("word each alarm as the station's list does, with the quantity the rule is about", () => {
    const text = render("en");
    expect(text).toContain("NIRS left/right difference 20 ≥ 20 points");
    expect(text).not.toMatch(/NIRS L\b/);
    expect(text).toContain("Round: Left leg pulse weak");
    expect(text).toContain("4.6 ≥ 4 mmol/L");
  });

  it("never print a rule id, in either language", () => {
    for (const locale of ["en", "fr"] as const) {
      const text = render(locale);
      for (const id of ["nirs-difference", "round-abnormal-finding", "lactate-high"]) expect(text).not.toContain(id);
    }
    expect(render("fr")).toContain("Tour : Pouls jambe gauche faible");
  });
});
