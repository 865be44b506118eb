import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { adtMessage, type TAdtTestMessage } from "@/test/support/adt-messages";
import { seedTestUnit, TEST_PHYSICIAN } from "@/test/support/seed-test-unit";
import { startEpisode } from "../stays/start-episode";
import { receiveAdtMessage } from "./receive-adt-message";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
let n = 0;
beforeEach(async () => {
  t = await createTestDb();
  await seedTestUnit(t.db, { unitId: "demo-icu", beds: 3 });
});
afterEach(async () => {
  await t.cleanup();
});

const send = (m: Omit<TAdtTestMessage, "controlId">) =>
  receiveAdtMessage({
    db: t.db,
    text: adtMessage({ controlId: `C${++n}`, ...m }),
    timeZone: "Europe/Paris",
    now: NOW,
  });
const openStay = (mrn = "MRN-ADT-1") =>
  t.db.stay.findFirst({ where: { patient: { identifier: mrn }, dischargedAt: null }, include: { bed: true } });
const refusals = () => t.db.auditEvent.findMany({ where: { action: "adt.refused" } });
const admit = (bed = "01", mrn = "MRN-ADT-1") =>
  send({ event: "A01", mrn, location: `demo-icu^^${bed}`, at: "202612030900+0100" });

describe("ADT A01 admit", () => {
  it("admits to the bed PV1-3 names (point of care = unit id, bed = label), at EVN-6, the sender as actor", async () => {
    const answer = await send({
      event: "A01",
      location: "demo-icu^^02",
      at: "202612030930+0100",
      weightKg: "82",
      diagnosis: "Cardiogenic shock",
    });
    expect(answer).toMatchObject({ code: "AA", text: "admitted in bed 02", errors: [] });
    const stay = await openStay();
    expect(stay).toMatchObject({
      bedId: "demo-icu-bed-2",
      admittedAt: new Date("2026-12-03T08:30:00Z"),
      weightKg: 82,
      diagnosis: "Cardiogenic shock",
    });
    const audit = await t.db.auditEvent.findFirst({ where: { action: "stay.admitted" } });
    expect(audit).toMatchObject({ actorName: "hl7:HIS@CHU", actorId: null, outcome: "success" });
    // The same message re-sent (its ACK was lost) is answered AA without a second admission.
    expect(await send({ event: "A01", location: "demo-icu^^02" })).toMatchObject({ code: "AA" });
    expect(await t.db.stay.count()).toBe(1);
  });

  it("maps a point-of-care code of the unit's settings", async () => {
    await t.db.unitPointOfCare.create({ data: { code: "REA-CARDIO", unitId: "demo-icu" } });
    expect(await send({ event: "A01", location: "REA-CARDIO^12^03" })).toMatchObject({ code: "AA" });
    expect((await openStay())?.bedId).toBe("demo-icu-bed-3");
  });

  it("refuses an unknown bed, an occupied bed and a future time, writing nothing but the audit of the refusal", async () => {
    const unknown = await send({ event: "A01", location: "demo-icu^^09" });
    expect(unknown).toMatchObject({ code: "AE", errors: [{ segment: "PV1", field: 3, code: "204" }] });
    expect(unknown.errors[0]?.message).toContain('no bed "demo-icu^^09"');
    await admit("01", "MRN-OTHER");
    const occupied = await send({ event: "A01", location: "demo-icu^^01" });
    expect(occupied).toMatchObject({ code: "AE", errors: [{ segment: "PV1", field: 3 }] });
    expect(occupied.text).toContain("Bed 01 is occupied");
    const future = await send({ event: "A01", location: "demo-icu^^02", at: "202612041000+0100" });
    expect(future).toMatchObject({ code: "AE", errors: [{ segment: "EVN", field: 6, code: "102" }] });
    expect(await openStay()).toBeNull();
    expect(await refusals()).toHaveLength(3);
    expect((await refusals())[0]).toMatchObject({ outcome: "failure", actorName: "hl7:HIS@CHU" });
  });
});

describe("ADT A02 transfer, A12 cancel transfer", () => {
  it("moves the admitted patient, then moves them back", async () => {
    await admit("01");
    expect(await send({ event: "A02", location: "demo-icu^^03", at: "202612030945+0100" })).toMatchObject({
      code: "AA",
      text: "moved from bed 01 to bed 03",
    });
    expect((await openStay())?.bedId).toBe("demo-icu-bed-3");
    const move = await t.db.bedAssignment.findFirst({ where: { fromBedId: "demo-icu-bed-1" } });
    expect(move?.at).toEqual(new Date("2026-12-03T08:45:00Z"));
    expect(await send({ event: "A12" })).toMatchObject({ code: "AA" });
    expect((await openStay())?.bedId).toBe("demo-icu-bed-1");
    expect(await t.db.auditEvent.count({ where: { action: "stay.transfer-cancelled" } })).toBe(1);
  });

  it("refuses a transfer to an occupied bed, of a patient not admitted, and a cancel with no transfer", async () => {
    await admit("01");
    await admit("02", "MRN-OTHER");
    const occupied = await send({ event: "A02", location: "demo-icu^^02" });
    expect(occupied).toMatchObject({ code: "AE", errors: [{ segment: "PV1", field: 3, code: "204" }] });
    expect(occupied.text).toContain("Bed 02 is occupied");
    expect((await openStay())?.bedId).toBe("demo-icu-bed-1");
    const notAdmitted = await send({ event: "A02", mrn: "MRN-NOBODY", location: "demo-icu^^03" });
    expect(notAdmitted).toMatchObject({ code: "AE", errors: [{ segment: "PID", field: 3 }] });
    expect(await send({ event: "A12" })).toMatchObject({ code: "AE", errors: [{ segment: "PID", field: 3 }] });
  });
});

describe("ADT A03 discharge, A13 cancel discharge", () => {
  it("discharges with PV1-36's disposition, and a cancel reopens the stay and the support the death ended", async () => {
    await admit("01");
    const stay = await openStay();
    const { episodeId } = await startEpisode({
      db: t.db,
      input: {
        stayId: stay?.id ?? "",
        deviceType: "VA_ECMO",
        startedAt: NOW.getTime() - 1_800_000,
        cannulationSite: "femoral",
        cannulationSide: "right",
        cannulas: null,
        distalPerfusion: null,
        consoleModel: null,
        settings: { rpm: 3000, flow: 4, sweep: 3, heparinRate: 800 },
      },
      actor: TEST_PHYSICIAN,
      context: null,
      now: NOW,
    });
    expect(await send({ event: "A03", disposition: "20", at: "202612031055+0100" })).toMatchObject({ code: "AA" });
    const archived = await t.db.stay.findUnique({ where: { id: stay?.id ?? "" } });
    expect(archived).toMatchObject({ disposition: "death", dischargedAt: new Date("2026-12-03T09:55:00Z") });
    expect((await t.db.supportEpisode.findUnique({ where: { id: episodeId } }))?.endReason).toBe("death");
    expect(await send({ event: "A13" })).toMatchObject({ code: "AA" });
    expect(await openStay()).toMatchObject({ id: stay?.id, disposition: null, bedId: "demo-icu-bed-1" });
    expect(await t.db.supportEpisode.findUnique({ where: { id: episodeId } })).toMatchObject({
      endedAt: null,
      endReason: null,
    });
  });

  it("refuses a discharge of a patient not admitted, and a cancel whose bed was taken since", async () => {
    const none = await send({ event: "A03" });
    expect(none).toMatchObject({ code: "AE", errors: [{ segment: "PID", field: 3, code: "204" }] });
    expect(none.text).toContain("nothing to discharge");
    await admit("01");
    expect(await send({ event: "A03" })).toMatchObject({ code: "AA" });
    await admit("01", "MRN-OTHER");
    const taken = await send({ event: "A13" });
    expect(taken).toMatchObject({ code: "AE", errors: [{ segment: "PV1", field: 3 }] });
    expect(await openStay()).toBeNull();
  });
});

describe("ADT A08 update, A11 cancel admission, A40 merge", () => {
  it("updates identity and weight of a known MRN; refuses an unknown one", async () => {
    await admit("01");
    const answer = await send({ event: "A08", name: "Testpatient^Alexandre", weightKg: "79" });
    expect(answer).toMatchObject({ code: "AA", text: "updated: givenName, weightKg" });
    expect(await t.db.patient.findUnique({ where: { identifier: "MRN-ADT-1" } })).toMatchObject({
      givenName: "Alexandre",
      weightKg: 79,
    });
    expect((await openStay())?.weightKg).toBe(79);
    expect(await send({ event: "A08", mrn: "MRN-NOBODY" })).toMatchObject({
      code: "AE",
      errors: [{ segment: "PID", field: 3, code: "204" }],
    });
  });

  it("cancels an admission with nothing recorded; refuses once support was started", async () => {
    await admit("01");
    expect(await send({ event: "A11" })).toMatchObject({ code: "AA" });
    expect(await openStay()).toBeNull();
    expect(await t.db.stay.count()).toBe(0);
    await admit("01");
    const stay = await openStay();
    await startEpisode({
      db: t.db,
      input: {
        stayId: stay?.id ?? "",
        deviceType: "IABP",
        startedAt: null,
        cannulationSite: null,
        cannulationSide: null,
        cannulas: null,
        distalPerfusion: null,
        consoleModel: null,
        settings: { ratio: "1:1" },
      },
      actor: TEST_PHYSICIAN,
      context: null,
      now: NOW,
    });
    const refused = await send({ event: "A11" });
    expect(refused).toMatchObject({ code: "AE", errors: [{ segment: "PID", field: 3 }] });
    expect(refused.text).toContain("1 support episode(s)");
    expect((await openStay())?.id).toBe(stay?.id);
  });

  it("merges MRG-1 into PID-3, keeping the stays; refuses an unknown merged MRN", async () => {
    await admit("01", "MRN-TEMP");
    await send({ event: "A03", mrn: "MRN-TEMP" });
    await admit("02", "MRN-ADT-1");
    expect(await send({ event: "A40", priorMrn: "MRN-TEMP" })).toMatchObject({ code: "AA" });
    expect(await t.db.patient.findUnique({ where: { identifier: "MRN-TEMP" } })).toBeNull();
    const patient = await t.db.patient.findUnique({ where: { identifier: "MRN-ADT-1" }, include: { stays: true } });
    expect(patient?.stays).toHaveLength(2);
    expect(await send({ event: "A40", priorMrn: "MRN-NOBODY" })).toMatchObject({
      code: "AE",
      errors: [{ segment: "MRG", field: 1, code: "204" }],
    });
  });
});

describe("unreadable ADT", () => {
  it("answers AR naming the field", async () => {
    expect(await send({ event: "A01" })).toMatchObject({ code: "AR", errors: [{ segment: "PV1", field: 3 }] });
  });
});
