import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import type { TAudioPause } from "@/lib/alarms/alarm-dto";
import { SessionUserProvider } from "@/lib/client/session-user";
import { AudioPause } from "./AudioPause";

const NOW = Date.UTC(2026, 0, 15, 10);
const nurse = {
  userId: "u",
  username: "u",
  displayName: "U",
  role: "nurse" as const,
  unitIds: ["unit"],
  idleTimeoutMinutes: 30,
};

function render(pause: TAudioPause, locale: "en" | "fr" = "en"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? alarmsEn : alarmsFr} timeZone="UTC">
      <SessionUserProvider user={nurse}>
        <AudioPause unitId="unit" pause={pause} now={NOW} />
      </SessionUserProvider>
    </NextIntlClientProvider>,
  );
}

describe("the audio pause", () => {
  it("offers the command in words that are not the state's while nothing is paused", () => {
    const html = render(null);
    expect(html).toContain(">Pause audio 2 min</button>");
    expect(html).not.toContain("PAUSED");
    expect(render(null, "fr")).toContain(">Suspendre le son 2 min</button>");
  });

  it("shows the IEC state with its countdown only while paused, and no button", () => {
    const html = render({ until: NOW + 103_000, by: "Nurse" });
    expect(html).toContain("AUDIO PAUSED 1:43");
    expect(html).toContain('role="status"');
    expect(html).not.toContain("<button");
  });
});
