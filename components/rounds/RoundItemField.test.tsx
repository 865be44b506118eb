import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/rounds.en.json";
import fr from "@/lib/i18n/messages/rounds.fr.json";
import { DEFAULT_ROUND_TEMPLATES } from "@/lib/rounds/default-templates";
import { prepareRoundForm, type TFormAnswer } from "@/lib/rounds/prepare-round-form";
import { RoundItemField } from "./RoundItemField";

const AT = Date.UTC(2026, 0, 15, 10);

function render(locale: "en" | "fr", answers: Record<string, TFormAnswer>): string {
  const form = prepareRoundForm({
    items: DEFAULT_ROUND_TEMPLATES.VA_ECMO.items,
    frequencies: ["hourly"],
    answers,
    previous: {
      "ecmo.dpc_flow": {
        itemId: "ecmo.dpc_flow",
        value: "240",
        numberValue: 240,
        abnormal: false,
        comment: null,
        at: AT - 3 * 3600_000,
        roundId: "r1",
      },
    },
    parameterValues: {
      dpc_flow: { value: 84, unit: "mL/min", source: "device", at: AT, measuredAlarm: { value: 84, unit: "mL/min" } },
    },
    now: AT + 2 * 60_000,
    locale,
  });
  const prepared = form.sections.flatMap((s) => s.items).find((i) => i.item.itemId === "ecmo.dpc_flow")!;
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="UTC">
      <RoundItemField prepared={prepared} timeZone="UTC" disabled={false} onAnswer={() => undefined} />
    </NextIntlClientProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");

describe("a round number that feeds a parameter", () => {
  it("shows the parameter's newest value with its source and age, not the last round's answer", () => {
    expect(text(render("en", {}))).toContain("Latest: 84 mL/min · device · 2 min ago");
    expect(text(render("fr", {}))).toContain("Dernière valeur : 84 mL/min · appareil · il y a 2 min");
    expect(text(render("en", {}))).not.toContain("240");
  });

  it("says, beside the item, that a typed value is judged against the device's alarm", () => {
    expect(render("en", {})).not.toContain("round-item-measured-alarm");
    const typed = text(render("en", { "ecmo.dpc_flow": { value: "240" } }));
    expect(typed).toContain("The device reads 84 mL/min and the station alarms on it.");
    expect(text(render("fr", { "ecmo.dpc_flow": { value: "240" } }))).toContain("L'appareil affiche 84 mL/min");
  });
});
