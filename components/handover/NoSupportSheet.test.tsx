import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import handoverEn from "@/lib/i18n/messages/handover.en.json";
import handoverFr from "@/lib/i18n/messages/handover.fr.json";
import staysEn from "@/lib/i18n/messages/stays.en.json";
import staysFr from "@/lib/i18n/messages/stays.fr.json";
import type { THandoverData } from "@/lib/handover";
import { HandoverDataSections } from "./HandoverDataSections";

const AT = Date.UTC(2026, 10, 17, 20);

/** The night after an IABP's removal: a stay, no support running (issue 15). */
const data: THandoverData = {
  generatedAt: AT,
  coversFrom: AT - 2 * 3_600_000,
  coversUntil: AT,
  patient: { initials: "SP", identifier: "MRN-1", ageYears: 56, sex: "F", weightKg: 70 },
  stay: {
    admittedAt: AT - 12 * 3_600_000,
    diagnosis: "Cardiogenic shock",
    lastSupport: { deviceType: "IABP", startedAt: AT - 11 * 3_600_000, endedAt: AT - 6 * 3_600_000 },
  },
  episode: null,
  settings: { current: [], changes: [] },
  labs: [],
  trends: [],
  alarms: { available: true, counts: { high: 0, medium: 0, low: 0, technical: 0 }, raised: [], active: [] },
  rounds: { available: false, reason: "no_support" },
  timers: [],
  severity: { suggested: "stable", reasons: [] },
};

function render(locale: "en" | "fr"): string {
  const messages =
    locale === "en"
      ? { ...en, ...staysEn, ...handoverEn, ...alarmsEn }
      : { ...fr, ...staysFr, ...handoverFr, ...alarmsFr };
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <HandoverDataSections data={data} timeZone="Europe/Paris" />
    </NextIntlClientProvider>,
  );
  return html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replaceAll("&#x2019;", "’");
}

describe("a sheet of a stay with no support running", () => {
  it("says no support runs, names the last one and when it ended, and why no round is counted", () => {
    const text = render("en");
    expect(text).toContain("No support running");
    expect(text).toMatch(/Last support: IABP, ended/);
    expect(text).toContain("Cardiogenic shock");
    expect(text).toContain("No support running: no device round during this shift.");
    expect(text).not.toContain("Rounds not available yet");
  });

  it("says it in French, with no internal word", () => {
    const text = render("fr");
    expect(text).toContain("Aucune assistance en cours");
    expect(text).toMatch(/Dernière assistance : BCPIA, terminée/);
    for (const word of ["no_support", "IABP", "episode", "undefined"]) expect(text).not.toContain(word);
  });
});
