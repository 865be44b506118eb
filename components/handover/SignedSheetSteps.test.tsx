import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import en from "@/lib/i18n/messages/en.json";
import handoverEn from "@/lib/i18n/messages/handover.en.json";
import protocolsEn from "@/lib/i18n/messages/protocols.en.json";
import staysEn from "@/lib/i18n/messages/stays.en.json";
import type { THandoverData, THandoverSheetView } from "@/lib/handover";
import { HandoverDocument } from "./HandoverDocument";

const AT = Date.UTC(2026, 10, 17, 20, 30);
const content = {
  illnessSeverity: "watcher" as const,
  situation: "Balloon out at 15:00.",
  contingencies: [],
  notes: "",
};
const data: THandoverData = {
  generatedAt: AT,
  coversFrom: AT - 2 * 3_600_000,
  coversUntil: AT,
  patient: { initials: "SP", identifier: "MRN-1", ageYears: 56, sex: "F", weightKg: 70 },
  episode: null,
  settings: { current: [], changes: [] },
  labs: [],
  trends: [],
  alarms: { available: true, counts: { high: 0, medium: 0, low: 0, technical: 0 }, raised: [], active: [] },
  rounds: { available: false, reason: "no_support" },
  timers: [],
  protocolSteps: {
    at: AT,
    steps: [
      {
        protocol: "iabp-weaning",
        stepId: "limb-check-360",
        occurrence: 1,
        state: "overdue",
        earliestAt: AT - 30 * 60_000,
        latestAt: AT - 15 * 60_000,
        overduePriority: "medium",
      },
    ],
  },
  severity: { suggested: "watcher", reasons: [] },
};
const sheet: THandoverSheetView = {
  serverTime: AT + 3_600_000,
  bed: { id: "bed-07", label: "07", unitId: "u1", unitName: "Cardiac ICU", timeZone: "Europe/Paris" },
  shift: {
    key: "2026-11-17/night",
    name: "night",
    startsAt: Date.UTC(2026, 10, 17, 18),
    endsAt: Date.UTC(2026, 10, 18, 6),
    startTime: "19:00",
    endTime: "07:00",
  },
  previousShiftKey: "2026-11-17/day",
  nextShiftKey: null,
  status: "signed_out",
  sheetId: "sheet-1",
  version: 3,
  content,
  inForce: content,
  data,
  frozen: true,
  actions: [],
  signedOut: { at: AT, by: { id: "n1", name: "Nurse A" } },
  received: null,
  amendments: [],
  lastSaved: { at: AT, by: { id: "n1", name: "Nurse A" } },
};

function render(view: THandoverSheetView): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale="en"
      messages={{ ...en, ...staysEn, ...handoverEn, ...alarmsEn, ...protocolsEn }}
      timeZone="UTC"
    >
      <HandoverDocument sheet={view} />
    </NextIntlClientProvider>,
  ).replace(/<[^>]+>/g, " ");
}

describe("a signed sheet's action section", () => {
  it("shows the protocol steps pending at sign-out as they were kept, not the bed's timers now", () => {
    const text = render(sheet);
    expect(text).toContain("Pending protocol steps at sign-out (21:30)");
    expect(text).toContain("Limb check 6 h after removal");
    expect(text).not.toContain("Protocol steps still open");
  });

  it("says a sheet signed before the steps were kept does not have them", () => {
    const { protocolSteps: _, ...before } = data;
    expect(render({ ...sheet, data: before })).toContain("were not kept on this sheet");
  });
});
