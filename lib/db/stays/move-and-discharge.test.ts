import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { admission, seedTestUnit, TEST_NURSE, TEST_PHYSICIAN } from "@/test/support/seed-test-unit";
import { createTestUser } from "@/test/support/sign-in-test-user";
import { getBedProtocols } from "../protocols/get-bed-protocols";
import { startProtocol } from "../protocols/start-protocol";
import { admitPatient } from "./admit-patient";
import { dischargeStay } from "./discharge-stay";
import { moveStay } from "./move-stay";
import { startEpisode } from "./start-episode";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
let bed1: string;
let bed2: string;
let bed3: string;
beforeEach(async () => {
  t = await createTestDb();
  const { bedIds } = await seedTestUnit(t.db);
  [bed1, bed2, bed3] = bedIds as [string, string, string];
});
afterEach(async () => {
  await t.cleanup();
});

const admit = async (bedId: string, mrn: string) =>
  (
    await admitPatient({
      db: t.db,
      input: { ...admission("u1", bedId, mrn), admittedAt: NOW.getTime() - 3_600_000 },
      actor: TEST_NURSE,
      context: null,
      now: NOW,
    })
  ).stayId;
const startEcmo = (stayId: string) =>
  startEpisode({
    db: t.db,
    input: {
      stayId,
      deviceType: "VA_ECMO",
      startedAt: NOW.getTime() - 1_800_000,
      cannulationSite: "femoral",
      cannulationSide: "right",
      cannulas: { arterialFr: 17, venousFr: 25 },
      distalPerfusion: true,
      consoleModel: "Cardiohelp",
      settings: { rpm: 3200, flow: 4, sweep: 3, heparinRate: 800 },
    },
    actor: TEST_PHYSICIAN,
    context: null,
    now: NOW,
  });

describe("moveStay", () => {
  it("moves the stay and its running support to a free bed, keeping the bed history", async () => {
    const stayId = await admit(bed1, "MRN-1");
    const { episodeId } = await startEcmo(stayId);
    const nurse = await createTestUser(t.db, { role: "nurse", unitIds: ["u1"] });
    const plan = await startProtocol({
      db: t.db,
      bedId: bed1,
      input: { protocol: "dpc-after-cannulation", episodeId },
      actor: { userId: nurse.userId, username: nurse.username, role: nurse.role },
      context: null,
      now: NOW,
    });
    expect(
      await moveStay({ db: t.db, input: { stayId, toBedId: bed2 }, actor: TEST_NURSE, context: null, now: NOW }),
    ).toEqual({
      fromBedId: bed1,
      toBedId: bed2,
    });
    const stay = await t.db.stay.findUniqueOrThrow({
      where: { id: stayId },
      include: { assignments: { orderBy: { id: "asc" } } },
    });
    expect(stay).toMatchObject({ bedId: bed2, openBedKey: bed2 });
    expect(stay.assignments.map((a) => [a.fromBedId, a.toBedId, a.byId])).toEqual([
      [null, bed1, "nurse-1"],
      [bed1, bed2, "nurse-1"],
    ]);
    expect((await t.db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId } })).bedId).toBe(bed2);
    // The bed left is free again: a new patient may be admitted to it, and the protocol went with the patient.
    await admit(bed1, "MRN-2");
    const plansOf = async (bedId: string) =>
      (await getBedProtocols({ db: t.db, bedId, now: NOW })).plans.map((p) => p.id);
    expect(await plansOf(bed2)).toEqual([plan.id]);
    expect(await plansOf(bed1)).toEqual([]);
    // Both beds' panels and the unit's tiles hear of the plan's move (they listen to protocol changes).
    const told = await t.db.documentChange.findMany({ where: { type: "protocol:changed" }, orderBy: { seq: "asc" } });
    expect(told.slice(-2).map((c) => [c.bedId, (c.details as { timerId: string }).timerId])).toEqual([
      [bed1, plan.id],
      [bed2, plan.id],
    ]);
  });

  it("carries the current shift's draft handover and the open actions to the new bed; a signed sheet stays", async () => {
    const stayId = await admit(bed1, "MRN-1");
    const { episodeId } = await startEcmo(stayId);
    const sheet = (id: string, shiftKey: string, status: "draft" | "signed_out") => ({
      id,
      unitId: "u1",
      bedId: bed1,
      stayId,
      episodeId,
      shiftKey,
      shiftStart: new Date(NOW.getTime() - 3_600_000),
      shiftEnd: new Date(NOW.getTime() + 3_600_000),
      status,
      createdAt: NOW,
      createdById: "nurse-1",
      updatedAt: NOW,
      updatedById: "nurse-1",
    });
    await t.db.handoverSheet.createMany({
      data: [sheet("previous", "2026-12-02/night", "signed_out"), sheet("current", "2026-12-03/day", "draft")],
    });
    const action = { unitId: "u1", bedId: bed1, stayId, episodeId, createdAt: NOW, createdById: "nurse-1" };
    await t.db.handoverAction.createMany({
      data: [
        { ...action, id: "open", text: "Check the left foot pulse" },
        { ...action, id: "done", text: "Send the lactate", doneAt: NOW, doneById: "nurse-1" },
      ],
    });

    await moveStay({ db: t.db, input: { stayId, toBedId: bed2 }, actor: TEST_NURSE, context: null, now: NOW });

    const sheets = await t.db.handoverSheet.findMany({ orderBy: { id: "asc" }, select: { id: true, bedId: true } });
    expect(sheets).toEqual([
      { id: "current", bedId: bed2 },
      { id: "previous", bedId: bed1 },
    ]);
    const actions = await t.db.handoverAction.findMany({ orderBy: { id: "asc" }, select: { id: true, bedId: true } });
    expect(actions).toEqual([
      { id: "done", bedId: bed1 },
      { id: "open", bedId: bed2 },
    ]);
  });

  it("carries the draft handover and open actions of a stay with no support running too (issue 15)", async () => {
    const stayId = await admit(bed1, "MRN-1");
    await t.db.handoverSheet.create({
      data: {
        id: "draft",
        unitId: "u1",
        bedId: bed1,
        stayId,
        shiftKey: "2026-12-03/day",
        shiftStart: new Date(NOW.getTime() - 3_600_000),
        shiftEnd: new Date(NOW.getTime() + 3_600_000),
        status: "draft",
        createdAt: NOW,
        createdById: "nurse-1",
        updatedAt: NOW,
        updatedById: "nurse-1",
      },
    });
    await t.db.handoverAction.create({
      data: {
        id: "open",
        unitId: "u1",
        bedId: bed1,
        stayId,
        text: "Limb check",
        createdAt: NOW,
        createdById: "nurse-1",
      },
    });

    await moveStay({ db: t.db, input: { stayId, toBedId: bed2 }, actor: TEST_NURSE, context: null, now: NOW });

    expect((await t.db.handoverSheet.findUniqueOrThrow({ where: { id: "draft" } })).bedId).toBe(bed2);
    expect((await t.db.handoverAction.findUniqueOrThrow({ where: { id: "open" } })).bedId).toBe(bed2);
  });

  it("refuses an occupied bed with its label, and writes nothing", async () => {
    const stayId = await admit(bed1, "MRN-1");
    await admit(bed2, "MRN-2");
    const audit = await t.db.auditEvent.count();
    await expect(
      moveStay({ db: t.db, input: { stayId, toBedId: bed2 }, actor: TEST_NURSE, context: null, now: NOW }),
    ).rejects.toThrow(/Bed 02 is occupied/);
    // …and says so to a French screen: the catalogue's key with the bed's label, no English sentence.
    await expect(
      moveStay({ db: t.db, input: { stayId, toBedId: bed2 }, actor: TEST_NURSE, context: null, now: NOW }),
    ).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "bedOccupiedMove", params: { bed: "02" } } });
    expect((await t.db.stay.findUniqueOrThrow({ where: { id: stayId } })).bedId).toBe(bed1);
    expect(await t.db.auditEvent.count()).toBe(audit);
  });
});

describe("dischargeStay", () => {
  it("frees the bed and archives the stay; a discharged stay can neither move nor be discharged again", async () => {
    const stayId = await admit(bed1, "MRN-1");
    await dischargeStay({
      db: t.db,
      input: { stayId, disposition: "ward" },
      actor: TEST_NURSE,
      context: null,
      now: NOW,
    });
    const stay = await t.db.stay.findUniqueOrThrow({ where: { id: stayId } });
    expect(stay).toMatchObject({
      disposition: "ward",
      openBedKey: null,
      openPatientKey: null,
      dischargedById: "nurse-1",
    });
    expect(stay.dischargedAt).toEqual(NOW);
    await expect(
      dischargeStay({ db: t.db, input: { stayId, disposition: "ward" }, actor: TEST_NURSE, context: null, now: NOW }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/already discharged/) as unknown,
      reason: { key: "stayAlreadyDischarged" },
    });
    await expect(
      moveStay({ db: t.db, input: { stayId, toBedId: bed3 }, actor: TEST_NURSE, context: null, now: NOW }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/archived/) as unknown,
      reason: { key: "stayDischargedNoMove" },
    });
    // The same patient may come back: a new stay.
    await admit(bed1, "MRN-1");
    expect(await t.db.stay.count({ where: { patient: { identifier: "MRN-1" } } })).toBe(2);
  });

  it("refuses a ward discharge while support runs; a death on support ends it with reason death", async () => {
    const stayId = await admit(bed1, "MRN-1");
    const { episodeId } = await startEcmo(stayId);
    await expect(
      dischargeStay({ db: t.db, input: { stayId, disposition: "ward" }, actor: TEST_NURSE, context: null, now: NOW }),
    ).rejects.toThrow(/Support is still running/);
    expect((await t.db.stay.findUniqueOrThrow({ where: { id: stayId } })).dischargedAt).toBeNull();
    await dischargeStay({
      db: t.db,
      input: { stayId, disposition: "death" },
      actor: TEST_PHYSICIAN,
      context: null,
      now: NOW,
    });
    expect(await t.db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      endReason: "death",
      endedAt: NOW,
    });
  });
});
