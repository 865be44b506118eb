import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { prepareDevicePanel } from "@/lib/bed/prepare-device-panel";
import { prepareLabsPanel } from "@/lib/bed/prepare-labs";
import { prepareTrendChart } from "@/lib/bed/prepare-trend-chart";
import { prepareTrendTable } from "@/lib/bed/prepare-trend-table";
import { bedDetailFixture } from "@/lib/bed/testing";
import { trendChartsFor } from "@/lib/bed/trend-charts";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import fourTsRecordEn from "@/lib/i18n/messages/fourTsRecord.en.json";
import fourTsRecordFr from "@/lib/i18n/messages/fourTsRecord.fr.json";
import { SessionUserProvider } from "@/lib/client/session-user";
import type { TRole } from "@/lib/auth/roles";
import type { TStoredFourTs } from "@/lib/scores/four-ts-record";
import { DevicePanel } from "./DevicePanel";
import { FourTsForm } from "./FourTsForm";
import { LabsPanel } from "./LabsPanel";
import { SaveSummary } from "./SaveScoreCard";
import { TrendTable } from "./TrendTable";

const T0 = Date.UTC(2025, 0, 6, 8);
const M = 60_000;
const H = 60 * M;

function render(node: ReactNode, locale: "en" | "fr" = "en", role: TRole = "physician"): string {
  const user = { userId: "u1", username: "doc", displayName: "Dr Test", role, unitIds: ["u"], idleTimeoutMinutes: 30 };
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <SessionUserProvider user={user}>
        <NextIntlClientProvider
          locale={locale}
          messages={locale === "en" ? { ...en, ...fourTsRecordEn } : { ...fr, ...fourTsRecordFr }}
          timeZone="UTC"
        >
          {node}
        </NextIntlClientProvider>
      </SessionUserProvider>
    </QueryClientProvider>,
  );
}

const latest = (value: number, at: number) => ({ seq: 1, value, observedAt: at, reference: null });

describe("DevicePanel", () => {
  it("shows a stopped balloon with its running timer, and every value with its age", () => {
    const at = T0 + 5 * H;
    const detail = bedDetailFixture({
      deviceType: "IABP",
      startedAt: T0,
      latest: {
        iabp_pumping: latest(0, at - 2_000),
        helium_level: latest(15, at - 2_000),
        map: latest(70, at - 40_000),
      },
      runs: { pumping: { value: 0, since: at - 25 * M }, ratio: null },
    });
    const panel = prepareDevicePanel(detail, "en", at);
    if (!panel) throw new Error("no panel");
    const html = render(<DevicePanel panel={panel} timeZone="UTC" />);
    expect(html).toContain('data-pumping="false"');
    expect(html).toMatch(/data-testid="pump-stopped-timer">stopped for 0:25:00 \(since 12:35\)/);
    expect(html).toContain("a stopped balloon must not stay in place &gt; 20 min");
    expect(html).toMatch(/data-testid="panel-helium_level"[^>]*data-status="low"/);
    expect(html).toMatch(/data-testid="age-map"[^>]*>40 s ago</);
  });
});

describe("LabsPanel", () => {
  it("gives each lab its sample time, age, change and target with its source; in French too", () => {
    const detail = bedDetailFixture({
      startedAt: T0,
      labs: {
        lactate: [
          { seq: 1, value: 3.1, observedAt: T0 + 2 * H },
          { seq: 2, value: 2.4, observedAt: T0 + 8 * H },
        ],
      },
    });
    const labs = prepareLabsPanel(detail, "fr", T0 + 11 * H);
    if (!labs) throw new Error("no labs");
    const html = render(<LabsPanel labs={labs} timeZone="UTC" />, "fr");
    expect(html).toMatch(/data-testid="lab-lactate" data-status="high"/);
    expect(html).toContain("06/01 16:00");
    expect(html).toMatch(/data-testid="lab-age-lactate">il y a 3 h</);
    expect(html).toContain("−0,7");
    expect(html).toContain("&lt; 2,0");
    // The target names its guideline in the page's language, never a section of a project document.
    expect(html).toContain("Classification SCAI du choc 2019");
    expect(html).not.toMatch(/clinical reference|§/);
  });
});

describe("FourTsForm", () => {
  it("pre-fills what the counts tell and says so, leaving the clinical items open", () => {
    const html = render(
      <FourTsForm
        bedId="b1"
        prefill={{ thrombocytopenia: { score: 2, reason: "fallOver50Nadir20" }, timing: null }}
        suggested
        screens={[]}
        timeZone="UTC"
      />,
    );
    expect(html).toContain("<details");
    expect(html).toContain(" open=");
    expect(html).toContain("pre-filled from the counts: fall &gt; 50 %, nadir ≥ 20");
    expect(html).toContain('name="four-ts-thrombocytopenia" checked="" value="2"');
    expect(html).not.toMatch(/name="four-ts-thrombosis" value="\d" checked/);
    expect(html).toContain("Score every item to see the total.");
    // Recording waits for a complete screen; nothing is recorded yet.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="four-ts-record"/);
    expect(html).toContain("No screen recorded for this episode.");
  });

  it("shows a recorded screen with who, when, each answer's source and the counts it rested on", () => {
    const screen: TStoredFourTs = {
      id: 1,
      recordedAt: T0 + 6 * 24 * H,
      recordedBy: { id: "u1", name: "Dr Test" },
      answers: { thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 1 },
      inputs: {
        heparinStartedAt: T0,
        platelets: {
          peak: { t: T0 + 24 * H, v: 200 },
          nadir: { t: T0 + 6 * 24 * H, v: 90 },
          latest: { t: T0 + 6 * 24 * H, v: 90 },
          maxFallPct: 55,
          onsetDay: 6,
        },
        prefill: {
          thrombocytopenia: { score: 2, reason: "fallOver50Nadir20" },
          timing: { score: 2, reason: "onsetDays5to10" },
        },
      },
      sources: { thrombocytopenia: "data", timing: "data", thrombosis: "clinician", otherCause: "clinician" },
      total: 5,
      probability: "intermediate",
    };
    const html = render(
      <FourTsForm
        bedId="b1"
        prefill={{ thrombocytopenia: null, timing: null }}
        suggested={false}
        screens={[screen]}
        timeZone="UTC"
      />,
    );
    expect(html).toContain("12/01, 08:00 by Dr Test: 5 — intermediate probability");
    expect(html).toContain("Thrombocytopenia: 2 · from the counts");
    expect(html).toContain("Thrombosis or other sequelae: 0 · at the bedside");
    expect(html).toContain(
      "peak 200 ×10⁹/L (07/01, 08:00), nadir 90 (12/01, 08:00), fall 55 %; fall reached 30 % on day 6.0.",
    );
    expect(html).toContain("Heparin assumed from cannulation (06/01, 08:00).");
    // A nurse reads the screens but has no button to record one.
    expect(
      render(
        <FourTsForm
          bedId="b1"
          prefill={{ thrombocytopenia: null, timing: null }}
          suggested={false}
          screens={[screen]}
          timeZone="UTC"
        />,
        "en",
        "nurse",
      ),
    ).not.toContain('data-testid="four-ts-record"');
  });
});

describe("TrendTable", () => {
  it("reads a stretch without readings as a gap, never as a value", () => {
    const spec = trendChartsFor("VA_ECMO")[0];
    if (!spec) throw new Error("no spec");
    const chart = prepareTrendChart({
      spec,
      deviceType: "VA_ECMO",
      locale: "en",
      timeZone: "UTC",
      from: T0,
      to: T0 + 3 * H - 1,
      width: 300,
      points: {
        ecmo_flow: [
          { t: T0 + 10 * M, v: 3.5 },
          { t: T0 + 70 * M, v: null },
          { t: T0 + 130 * M, v: 3.7 },
        ],
      },
      labTimes: [],
    });
    const table = prepareTrendTable(chart.lines, {
      from: T0,
      to: T0 + 3 * H - 1,
      timeZone: "UTC",
      locale: "en",
      maxRows: 3,
    });
    const html = render(<TrendTable chart={chart} table={table} timeZone="UTC" />);
    expect(html).toContain('data-testid="trend-table-ecmo_flow"');
    // Flow's middle hour, and the sweep line (no readings at all) in each of the three hours.
    expect(html.match(/trend-table__gap">no readings</g)).toHaveLength(4);
    expect(html).toContain(">3.50<");
    expect(html).toContain(">3.70<");
  });
});

describe("SaveSummary", () => {
  it("shows the recorded total with class and published survival, or that none is recorded", () => {
    const stored = {
      ageYears: 55,
      weightKg: 80,
      diagnoses: [],
      liverFailure: false,
      cnsDysfunction: false,
      acuteRenalFailure: false,
      chronicRenalFailure: false,
      intubationHours: 0,
      peakInspiratoryPressure: null,
      cardiacArrest: false,
      diastolicBp: 35,
      pulsePressure: 30,
      bicarbonate: 22,
      recordedAt: T0,
    };
    expect(render(<SaveSummary stored={stored} />)).toContain('data-total="-1">SAVE -1 · class III · survival 42 %');
    expect(render(<SaveSummary stored={null} />, "fr")).toContain("SAVE non renseigné");
  });
});
