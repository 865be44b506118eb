import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import enMain from "@/lib/i18n/messages/en.json";
import frMain from "@/lib/i18n/messages/fr.json";
import staysEn from "@/lib/i18n/messages/stays.en.json";
import staysFr from "@/lib/i18n/messages/stays.fr.json";
import protocolsEn from "@/lib/i18n/messages/protocols.en.json";
import { TileProtocolSteps } from "@/components/protocols/ProtocolStatusProvider";
import { prepareTileSteps } from "@/lib/protocols/prepare-protocols";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";

import { alarmDto } from "@/lib/alarms/alarm-dto-fixture";
import { prepareTileAlarms, type TTileAlarm } from "@/lib/alarms/prepare-alarms";
import type { TRole } from "@/lib/auth/roles";
import { SessionUserProvider } from "@/lib/client/session-user";
import { prepareTile } from "@/lib/station/prepare-tile";
import type { TStationBed } from "@/lib/station/snapshot";
import { BedTile } from "./BedTile";

// The admitted tile says "no support" in the stays area's words, and its alarm in the alarms'.
const en = { ...enMain, ...staysEn, ...alarmsEn };
const fr = { ...frMain, ...staysFr, ...alarmsFr };

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);

function bed(latest: TStationBed["latest"]): TStationBed {
  return {
    bedId: "bed-7",
    label: "07",
    position: 7,
    stay: { id: "s", admittedAt: 0 },
    patient: { initials: "JD", ageYears: 64, sex: "M" },
    episode: { id: "e", deviceType: "VA_ECMO", startedAt: NOW - 30 * 3600_000, cannulationSite: null, settings: {} },
    latest,
  };
}

function render(
  stationBed: TStationBed,
  locale: "en" | "fr" = "en",
  role: TRole = "nurse",
  alarm?: TTileAlarm,
): string {
  const tile = prepareTile({ bed: stationBed, locale, now: NOW });
  const user = {
    userId: "u",
    username: "u",
    displayName: "U",
    role,
    unitIds: ["unit"],
    idleTimeoutMinutes: role === "display" ? null : 30,
  };
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="UTC">
      <SessionUserProvider user={user}>
        <BedTile tile={tile} timeZone="UTC" alarm={alarm} now={NOW} />
      </SessionUserProvider>
    </NextIntlClientProvider>,
  );
}

const fresh = (value: number, ageMs: number) => ({ seq: 1, value, observedAt: NOW - ageMs, reference: null });

/** The attributes the end-to-end tests rely on (e2e/): changing one breaks them. */
describe("BedTile", () => {
  it("carries the test ids and the time of every value", () => {
    const html = render(bed({ ecmo_flow: fresh(1.5, 2_000), lactate: fresh(3.4, 2 * 3600_000 + 60_000) }));
    expect(html).toContain('data-testid="bed-tile"');
    expect(html).toContain('data-bed-id="bed-7"');
    expect(html).toContain('data-stale="false"');
    expect(html).toContain(`data-testid="value-ecmo_flow" data-observed-at="${NOW - 2_000}"`);
    expect(html).toMatch(/data-testid="lab-age-lactate"[^>]*>2 h ago</);
    expect(html).toContain("Device data 11:59:58");
  });

  it("marks an out-of-target value with a shape and words, not colour alone", () => {
    const html = render(bed({ ecmo_flow: fresh(1.5, 2_000) }));
    expect(html).toContain("▼");
    expect(html).toContain("below target");
  });

  it("says since when a silent bed is stale", () => {
    const html = render(bed({ hr: fresh(80, 60_000) }), "fr");
    expect(html).toContain('data-stale="true"');
    expect(html).toContain("NON ACTUALISÉ depuis 11:59:00");
  });

  it("opens the bed view from anywhere on the tile, through one named link", () => {
    const html = render(bed({ hr: fresh(80, 1_000) }));
    expect(html).toContain(
      '<a class="tile__link" aria-label="Open bed 07" data-testid="bed-tile-link" href="/beds/bed-7">07</a>',
    );
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(render({ ...bed({}), patient: null, episode: null }, "fr")).toContain('aria-label="Ouvrir le lit 07"');
  });

  it("draws an empty bed as empty", () => {
    const html = render({ ...bed({}), patient: null, episode: null });
    expect(html).toContain("Empty bed");
    expect(html).toContain('data-stale="false"');
  });

  it("draws an admitted patient with no support, and the stay's lactate once it has come", () => {
    const admitted = render({ ...bed({}), episode: null });
    expect(admitted).toContain('data-state="admitted"');
    expect(admitted).not.toContain('data-testid="value-lactate"');
    const html = render({ ...bed({ lactate: fresh(4.1, 600_000) }), episode: null });
    expect(html).toMatch(/data-testid="value-lactate"[^]*4\.1/);
  });

  it("shows the alarm of a stay with no support running, coloured by its priority (a lactate before cannulation)", () => {
    const alarm = prepareTileAlarms([
      alarmDto({ id: "a", bedId: "bed-7", stayId: "s", episodeId: null, value: 6.2, raisedAt: NOW - 60_000 }),
    ]).get("bed-7");
    const html = render({ ...bed({ lactate: fresh(6.2, 600_000) }), episode: null }, "en", "nurse", alarm);
    expect(html).toContain('data-state="admitted"');
    expect(html).toContain('data-alarm-priority="high"');
    expect(html).toContain("tile--alarm-high");
    expect(html).toMatch(/data-testid="tile-alarm"[^]*6\.2/);
  });

  it("shows the stay's next protocol step once no support runs: a limb check after the balloon's removal", () => {
    const H = 3600_000;
    const removed = NOW - 85 * 60_000;
    const signed = (stepId: string, doneAt: number) => ({
      stepId,
      occurrence: 1,
      doneAt,
      signedBy: "A",
      finding: null,
      note: null,
    });
    const plan: TProtocolPlanDto = {
      id: "t",
      unitId: "unit",
      bedId: "bed-7",
      bedLabel: "07",
      episodeId: "iabp",
      episodeEnded: true,
      protocol: "iabp-weaning",
      version: 1,
      anchorAt: NOW - 6 * H,
      startedAt: NOW - 6 * H,
      startedBy: "Nurse A",
      status: "active",
      endedAt: null,
      cancelReason: null,
      signatures: [
        signed("ratio-1-2", NOW - 5 * H),
        signed("ratio-1-4", NOW - 4 * H),
        signed("heparin-stopped", NOW - 3 * H),
        signed("balloon-removed", removed),
        signed("compression-ended", removed + 35 * 60_000),
      ],
    };
    const tile = prepareTile({ bed: { ...bed({}), episode: null }, locale: "en", now: NOW });
    const user = { userId: "u", username: "u", displayName: "U", role: "display" as const, unitIds: ["unit"] };
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale="en" messages={{ ...en, ...protocolsEn }} timeZone="UTC">
        <SessionUserProvider user={{ ...user, idleTimeoutMinutes: null }}>
          <TileProtocolSteps steps={prepareTileSteps([plan], NOW)}>
            <BedTile tile={tile} timeZone="UTC" now={NOW} />
          </TileProtocolSteps>
        </SessionUserProvider>
      </NextIntlClientProvider>,
    );
    expect(html).toContain('data-state="admitted"');
    expect(html).toMatch(/data-testid="tile-protocol"[^>]*data-state="overdue"[^>]*data-step="limb-check-60"/);
    expect(html).toContain("Limb check 1 h after removal");
  });

  it("opens the bed for a clinician, but on a wall screen the label is not a link (a display has no bed view)", () => {
    expect(render(bed({ hr: fresh(80, 1_000) }), "en", "nurse")).toContain('data-testid="bed-tile-link"');
    const wall = render(bed({ hr: fresh(80, 1_000) }), "en", "display");
    expect(wall).not.toContain("href=");
    expect(wall).toContain('data-testid="bed-tile-label"');
  });
});
