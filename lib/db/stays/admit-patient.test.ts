import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { admission, seedTestUnit, TEST_NURSE } from "@/test/support/seed-test-unit";
import { AppError } from "../../errors/app-error";
import { admitPatient } from "./admit-patient";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
let bedIds: string[];
beforeEach(async () => {
  t = await createTestDb();
  ({ bedIds } = await seedTestUnit(t.db));
});
afterEach(async () => {
  await t.cleanup();
});

const admit = (input: ReturnType<typeof admission>) =>
  admitPatient({ db: t.db, input, actor: TEST_NURSE, context: null, now: NOW });

const written = async () => ({
  stays: await t.db.stay.count(),
  patients: await t.db.patient.count(),
  assignments: await t.db.bedAssignment.count(),
  audit: await t.db.auditEvent.count(),
  changes: await t.db.documentChange.count(),
});

describe("admitPatient", () => {
  it("admits to a free bed: the patient, an open stay holding the bed, its first assignment, audit and change", async () => {
    const { stayId, patientId } = await admit(admission("u1", bedIds[0] ?? ""));
    const stay = await t.db.stay.findUniqueOrThrow({ where: { id: stayId }, include: { assignments: true } });
    expect(stay).toMatchObject({
      bedId: bedIds[0],
      openBedKey: bedIds[0],
      openPatientKey: patientId,
      dischargedAt: null,
    });
    expect(stay).toMatchObject({
      diagnosis: "Cardiogenic shock",
      weightKg: 70,
      heightCm: 168,
      admittedById: "nurse-1",
    });
    expect(stay.admittedAt).toEqual(NOW);
    expect(stay.assignments.map((a) => [a.fromBedId, a.toBedId])).toEqual([[null, bedIds[0]]]);
    const patient = await t.db.patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(patient).toMatchObject({ identifier: "MRN-1", givenName: "Synthetic", sex: "F" });
    expect(await t.db.auditEvent.findFirst({ where: { action: "stay.admitted" } })).toMatchObject({
      actorId: "nurse-1",
      targetId: stayId,
    });
    const change = await t.db.documentChange.findFirstOrThrow();
    expect(change).toMatchObject({ type: "stay:changed", unitId: "u1", bedId: bedIds[0] });
  });

  it("refuses an occupied bed, naming it, and writes nothing", async () => {
    await admit(admission("u1", bedIds[0] ?? ""));
    const before = await written();
    await expect(admit(admission("u1", bedIds[0] ?? "", "MRN-2"))).rejects.toThrow(/Bed 01 is occupied/);
    expect(await written()).toEqual(before);
  });

  it("refuses a patient already admitted elsewhere, an MRN of another identity, an unknown bed", async () => {
    await admit(admission("u1", bedIds[0] ?? ""));
    const before = await written();
    await expect(admit(admission("u1", bedIds[1] ?? ""))).rejects.toThrow(/already admitted, in bed 01/);
    await expect(admit({ ...admission("u1", bedIds[1] ?? ""), givenName: "Other" })).rejects.toThrow(
      /belongs to another identity/,
    );
    const unknown = admit(admission("u1", "nope", "MRN-9"));
    await expect(unknown).rejects.toBeInstanceOf(AppError);
    await expect(unknown).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admit(admission("u2", bedIds[1] ?? "", "MRN-9"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await written()).toEqual(before);
  });

  it("refuses bad input with the field named: a future admission, a date of birth to come, an empty name", async () => {
    await expect(
      admit({ ...admission("u1", bedIds[0] ?? ""), admittedAt: NOW.getTime() + 3_600_000 } as never),
    ).rejects.toThrow(/admittedAt: the time is in the future/);
    await expect(admit({ ...admission("u1", bedIds[0] ?? ""), birthDate: "2030-01-01" })).rejects.toThrow(/birthDate/);
    await expect(admit({ ...admission("u1", bedIds[0] ?? ""), familyName: " " })).rejects.toThrow(
      /familyName|required/,
    );
    expect((await written()).stays).toBe(0);
  });
});
