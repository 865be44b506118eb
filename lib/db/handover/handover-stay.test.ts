import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSteps } from "@/lib/protocols/prepare-protocols";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { admission, seedTestUnit, TEST_PHYSICIAN } from "@/test/support/seed-test-unit";
import { createTestUser } from "@/test/support/sign-in-test-user";
import { getBedProtocols } from "../protocols/get-bed-protocols";
import { signProtocolStep } from "../protocols/sign-protocol-step";
import { startProtocol } from "../protocols/start-protocol";
import { admitPatient } from "../stays/admit-patient";
import { dischargeStay } from "../stays/discharge-stay";
import { endEpisode } from "../stays/end-episode";
import { moveStay } from "../stays/move-stay";
import { startEpisode } from "../stays/start-episode";
import { addHandoverAction } from "./add-handover-action";
import { findShiftStay } from "./find-shift-stay";
import { getHandoverSheet } from "./get-handover-sheet";
import { getUnitHandover } from "./get-unit-handover";
import { saveHandoverDraft } from "./save-handover-draft";
import { signOutHandover } from "./sign-out-handover";

// Tuesday 17 November 2026, Paris (UTC+1): the day shift runs 06:00Z–18:00Z, the night 18:00Z–06:00Z.
const DAY = "2026-11-17/day";
const NIGHT = "2026-11-17/night";
const at = (iso: string) => new Date(iso);

let t: TestDb;
let bedIds: string[];
let nurse: { userId: string; username: string; role: "nurse" };
beforeEach(async () => {
  t = await createTestDb();
  ({ bedIds } = await seedTestUnit(t.db, { beds: 3 }));
  const user = await createTestUser(t.db, { role: "nurse", unitIds: ["u1"] });
  nurse = { userId: user.userId, username: user.username, role: "nurse" };
});
afterEach(() => t.cleanup());

const bed = (i: number) => bedIds[i] ?? "";
const admit = (i: number, mrn: string, admittedAt: string) =>
  admitPatient({
    db: t.db,
    input: { ...admission("u1", bed(i), mrn), admittedAt: at(admittedAt).getTime() },
    actor: nurse,
    context: null,
    now: at(admittedAt),
  });

/** An IABP from 09:00Z, weaned 1:1 → 1:4, heparin stopped at 13:00Z, the balloon removed at 14:00Z (the day shift). */
async function weanAndRemoveBalloon(stayId: string) {
  const { episodeId } = await startEpisode({
    db: t.db,
    input: {
      stayId,
      deviceType: "IABP",
      startedAt: at("2026-11-17T09:00:00Z").getTime(),
      cannulationSite: "femoral",
      cannulationSide: "left",
      cannulas: { balloonMl: 40 },
      distalPerfusion: null,
      consoleModel: "CS300",
      settings: { ratio: "1:1", trigger: "ECG", heparinRate: 500 },
    },
    actor: TEST_PHYSICIAN,
    context: null,
    now: at("2026-11-17T09:00:00Z"),
  });
  const plan = await startProtocol({
    db: t.db,
    bedId: bed(0),
    input: { protocol: "iabp-weaning", episodeId },
    actor: nurse,
    context: null,
    now: at("2026-11-17T10:00:00Z"),
  });
  for (const [stepId, when] of [
    ["ratio-1-2", "2026-11-17T11:00:00Z"],
    ["ratio-1-4", "2026-11-17T12:00:00Z"],
    ["heparin-stopped", "2026-11-17T13:00:00Z"],
    ["balloon-removed", "2026-11-17T14:00:00Z"],
  ] as const)
    await signProtocolStep({
      db: t.db,
      bedId: bed(0),
      timerId: plan.id,
      input: { stepId, doneAt: at(when).getTime() },
      actor: nurse,
      context: null,
      now: at(when),
    });
  await endEpisode({
    db: t.db,
    input: { episodeId, endedAt: at("2026-11-17T14:00:00Z").getTime(), reason: "weaned" },
    actor: TEST_PHYSICIAN,
    context: null,
    now: at("2026-11-17T14:05:00Z"),
  });
  return { episodeId };
}

describe("the handover of a stay with no support running (issue 15)", () => {
  it("hands over the night after an IABP's removal, with the limb checks after removal still pending", async () => {
    const { stayId } = await admit(0, "MRN-1", "2026-11-17T08:00:00Z");
    await weanAndRemoveBalloon(stayId);
    const now = at("2026-11-17T20:00:00Z");

    const sheet = await getHandoverSheet({ db: t.db, bedId: bed(0), shiftKey: NIGHT, now: now.getTime() });
    expect(sheet.status).toBe("not_started");
    expect(sheet.data).not.toBeNull();
    expect(sheet.data?.episode).toBeNull();
    expect(sheet.data?.stay).toMatchObject({
      admittedAt: at("2026-11-17T08:00:00Z").getTime(),
      lastSupport: { deviceType: "IABP", endedAt: at("2026-11-17T14:00:00Z").getTime() },
    });
    expect(sheet.data?.rounds).toEqual({ available: false, reason: "no_support" });
    expect(sheet.data?.settings).toEqual({ current: [], changes: [] });

    // The pending tasks the sheet lists (ProtocolStepList, from the bed's protocols): the ended balloon's limb checks.
    const protocols = await getBedProtocols({ db: t.db, bedId: bed(0), now });
    const pending = openSteps(protocols.plans, now.getTime()).map((s) => s.stepId);
    expect(pending).toEqual(
      expect.arrayContaining(["limb-check-60", "limb-check-120", "limb-check-240", "limb-check-360"]),
    );
    expect(pending).toContain("flat-rest-ended");

    // The day shift, when the balloon still ran, is the balloon's.
    const day = await getHandoverSheet({ db: t.db, bedId: bed(0), shiftKey: DAY, now: now.getTime() });
    expect(day.data?.episode?.deviceType).toBe("IABP");

    // An action, a sign-out: the frozen sheet keeps the stay and no support.
    await addHandoverAction({
      db: t.db,
      bedId: bed(0),
      text: "Left foot pulse at 22:00",
      actor: nurse,
      context: null,
      now: at("2026-11-17T20:10:00Z"),
    });
    await signOutHandover({
      db: t.db,
      bedId: bed(0),
      shiftKey: NIGHT,
      signOut: {
        version: 0,
        illnessSeverity: "watcher",
        situation: "Balloon out at 14:00.",
        contingencies: [],
        notes: "",
      },
      actor: nurse,
      context: null,
      now: at("2026-11-17T20:30:00Z"),
    });
    const row = await t.db.handoverSheet.findUniqueOrThrow({
      where: { bedId_shiftKey: { bedId: bed(0), shiftKey: NIGHT } },
    });
    expect(row).toMatchObject({ stayId, episodeId: null, status: "signed_out" });
    const signed = await getHandoverSheet({
      db: t.db,
      bedId: bed(0),
      shiftKey: NIGHT,
      now: at("2026-11-17T23:00:00Z").getTime(),
    });
    expect(signed).toMatchObject({ frozen: true, data: { episode: null } });
    expect(signed.actions.map((a) => a.text)).toEqual(["Left foot pulse at 22:00"]);
    // The ended balloon's steps as they stood at the sign-out (20:30Z): compression and the limb checks overdue,
    // the flat rest from 14:00Z the next day (issue 15 item 5).
    expect(signed.data?.protocolSteps?.at).toBe(at("2026-11-17T20:30:00Z").getTime());
    expect(
      signed.data?.protocolSteps?.steps.map((s) => [
        s.stepId,
        s.state,
        s.latestAt && new Date(s.latestAt).toISOString(),
      ]),
    ).toEqual([
      ["compression-ended", "overdue", "2026-11-17T15:00:00.000Z"],
      ["limb-check-60", "overdue", "2026-11-17T15:15:00.000Z"],
      ["limb-check-120", "overdue", "2026-11-17T16:15:00.000Z"],
      ["limb-check-240", "overdue", "2026-11-17T18:15:00.000Z"],
      ["limb-check-360", "overdue", "2026-11-17T20:15:00.000Z"],
      ["flat-rest-ended", "pending", "2026-11-18T15:00:00.000Z"],
    ]);
    expect(signed.data?.protocolSteps?.steps.at(-1)?.earliestAt).toBe(at("2026-11-18T14:00:00Z").getTime());
  });

  it("hands over a patient admitted and never cannulated; not an empty bed, nor a stay discharged before the shift", async () => {
    await admit(1, "MRN-2", "2026-11-17T19:00:00Z");
    const gone = await admit(2, "MRN-3", "2026-11-17T08:00:00Z");
    await dischargeStay({
      db: t.db,
      input: { stayId: gone.stayId, dischargedAt: at("2026-11-17T17:00:00Z").getTime(), disposition: "ward" },
      actor: nurse,
      context: null,
      now: at("2026-11-17T17:00:00Z"),
    });
    const now = at("2026-11-17T21:00:00Z").getTime();

    const admitted = await getHandoverSheet({ db: t.db, bedId: bed(1), shiftKey: NIGHT, now });
    expect(admitted.data).toMatchObject({ episode: null, stay: { lastSupport: null } });
    expect(admitted.data?.patient.identifier).toBe("MRN-2");
    // Admitted at 19:00Z: the day shift before had no patient in that bed.
    expect((await getHandoverSheet({ db: t.db, bedId: bed(1), shiftKey: DAY, now })).data).toBeNull();
    // Discharged at 17:00Z: handed over in the day shift, not the night.
    expect((await getHandoverSheet({ db: t.db, bedId: bed(2), shiftKey: DAY, now })).data).not.toBeNull();
    expect((await getHandoverSheet({ db: t.db, bedId: bed(2), shiftKey: NIGHT, now })).data).toBeNull();

    const unit = await getUnitHandover({ db: t.db, unitId: "u1", shiftKey: NIGHT, now });
    expect(unit.beds.map((b) => [b.label, b.patientInitials !== null, b.deviceType])).toEqual([
      ["01", false, null],
      ["02", true, null],
      ["03", false, null],
    ]);
    expect(unit.counts.not_started).toBe(1);
  });

  it("gives a draft begun before cannulation the support started later in the shift", async () => {
    const { stayId } = await admit(0, "MRN-1", "2026-11-17T19:00:00Z");
    await saveHandoverDraft({
      db: t.db,
      bedId: bed(0),
      shiftKey: NIGHT,
      draft: { version: 0, illnessSeverity: null, situation: "Admitted, lactate 3.", contingencies: [], notes: "" },
      actor: nurse,
      context: null,
      now: at("2026-11-17T19:30:00Z"),
    });
    const { episodeId } = await startEpisode({
      db: t.db,
      input: {
        stayId,
        deviceType: "VA_ECMO",
        startedAt: at("2026-11-17T21:00:00Z").getTime(),
        cannulationSite: "femoral",
        cannulationSide: "right",
        cannulas: { arterialFr: 17, venousFr: 25 },
        distalPerfusion: true,
        consoleModel: "Cardiohelp",
        settings: { rpm: 3200, flow: 4, sweep: 3, heparinRate: 800 },
      },
      actor: TEST_PHYSICIAN,
      context: null,
      now: at("2026-11-17T21:00:00Z"),
    });
    const now = at("2026-11-17T22:00:00Z").getTime();
    const sheet = await getHandoverSheet({ db: t.db, bedId: bed(0), shiftKey: NIGHT, now });
    expect(sheet).toMatchObject({ status: "draft", data: { episode: { id: episodeId, deviceType: "VA_ECMO" } } });
    const unit = await getUnitHandover({ db: t.db, unitId: "u1", shiftKey: NIGHT, now });
    expect(unit.beds[0]).toMatchObject({ status: "draft", deviceType: "VA_ECMO" });
  });

  it("hands over the patient in the bed, not one who passed through it later in the shift than an admission dated back", async () => {
    const passing = await admit(1, "MRN-1", "2026-11-17T08:00:00Z");
    const move = (toBedId: string, when: string) =>
      moveStay({
        db: t.db,
        input: { stayId: passing.stayId, toBedId, movedAt: at(when).getTime() },
        actor: nurse,
        context: null,
        now: at(when),
      });
    await move(bed(0), "2026-11-17T10:00:00Z");
    await move(bed(1), "2026-11-17T10:30:00Z");
    // Admitted at 11:00 by the ADT feed, its admission dated 09:00 (EVN-6): before the passing patient arrived.
    const staying = await admitPatient({
      db: t.db,
      input: { ...admission("u1", bed(0), "MRN-2"), admittedAt: at("2026-11-17T09:00:00Z").getTime() },
      actor: nurse,
      context: null,
      now: at("2026-11-17T11:00:00Z"),
    });
    const shift = { startsAt: at("2026-11-17T06:00:00Z").getTime(), endsAt: at("2026-11-17T18:00:00Z").getTime() };
    expect((await findShiftStay({ db: t.db, bedId: bed(0), ...shift }))?.id).toBe(staying.stayId);
    expect((await findShiftStay({ db: t.db, bedId: bed(1), ...shift }))?.id).toBe(passing.stayId);
  });
});
