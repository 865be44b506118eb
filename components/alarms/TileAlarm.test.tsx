import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BedTile } from "@/components/station/BedTile";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import { prepareTileAlarms } from "@/lib/alarms/prepare-alarms";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { SessionUserProvider } from "@/lib/client/session-user";
import { prepareTile } from "@/lib/station/prepare-tile";
import { alarmDto } from "@/lib/alarms/alarm-dto-fixture";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);

const lactateHigh: TAlarmDto = alarmDto({
  id: "a1",
  unitId: "unit",
  bedId: "bed-7",
  episodeId: "e",
  limitSourceRef: "clinicalRef-rules",
  raisedAt: NOW - 60_000,
  lastEventSeq: 3,
});

function render(alarms: TAlarmDto[], locale: "en" | "fr" = "en"): string {
  const tile = prepareTile({
    bed: {
      bedId: "bed-7",
      label: "07",
      position: 7,
      stay: { id: "s", admittedAt: NOW - 7_200_000 },
      patient: { initials: "JD", ageYears: 64, sex: "M" },
      episode: { id: "e", deviceType: "VA_ECMO", startedAt: NOW - 3_600_000, cannulationSite: null, settings: {} },
      latest: {},
    },
    locale,
    now: NOW,
  });
  const user = {
    userId: "u",
    username: "u",
    displayName: "U",
    role: "nurse" as const,
    unitIds: ["unit"],
    idleTimeoutMinutes: 30,
  };
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      messages={locale === "en" ? { ...en, ...alarmsEn } : { ...fr, ...alarmsFr }}
      timeZone="UTC"
    >
      <SessionUserProvider user={user}>
        <BedTile tile={tile} timeZone="UTC" alarm={prepareTileAlarms(alarms).get("bed-7")} />
      </SessionUserProvider>
    </NextIntlClientProvider>,
  );
}

describe("a tile with an alarm", () => {
  it("is red and flashing for an unacknowledged high alarm, and says the value and limit", () => {
    const html = render([lactateHigh]);
    expect(html).toContain('data-alarm-priority="high"');
    expect(html).toContain('data-alarm-flashing="true"');
    expect(html).toContain("tile--alarm-high tile--alarm-flashing");
    expect(html).toContain("Arterial lactate 4.6 ≥ 4 mmol/L");
  });

  it("stops flashing once ACKNOWLEDGED, and says so in words for screen readers, in French too", () => {
    const html = render([{ ...lactateHigh, status: "acknowledged", acknowledgedAt: NOW }], "fr");
    expect(html).toContain('data-alarm-flashing="false"');
    expect(html).not.toContain("tile--alarm-flashing");
    expect(html).toContain("ACQUITTÉE");
    expect(html).toContain("Lactates artériels 4,6 ≥ 4 mmol/L");
  });

  it("writes the reason in its short form on the tile, the sentence kept for screen readers (issue 17)", () => {
    const html = render([lactateHigh]);
    expect(html).toMatch(/tile__alarm-message" aria-hidden="true">Lactate 4.6 ≥ 4</);
    expect(html).toContain('title="Arterial lactate 4.6 ≥ 4 mmol/L"');
    expect(render([lactateHigh], "fr")).toMatch(/tile__alarm-message" aria-hidden="true">Lactates 4,6 ≥ 4</);
  });

  it("draws no alarm at all without one", () => {
    const html = render([]);
    expect(html).toContain('data-alarm-priority="none"');
    expect(html).not.toContain("tile-alarm");
  });
});
