import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser } from "@/test/support/sign-in-test-user";
import type { TAuditActor } from "../audit/record-audit-event";
import { cancelProtocol } from "./cancel-protocol";
import { getBedProtocols } from "./get-bed-protocols";
import { getUnitProtocols } from "./get-unit-protocols";
import { PROTOCOL_STEP_RULE } from "./protocol-alarms";
import { signProtocolStep } from "./sign-protocol-step";
import { startProtocol } from "./start-protocol";
import { syncProtocolAlarms } from "./sync-protocol-alarms";

const MIN = 60_000;
const H = 60 * MIN;

let test: TestDb;
let iabp: TestEpisode;
let ecmo: TestEpisode;
let actor: TAuditActor & { userId: string };
const T0 = new Date(Date.now() - 20 * H);
beforeAll(async () => {
  test = await createTestDb();
  iabp = await seedTestEpisode(test.db, { suffix: "iabp", deviceType: "IABP", startedAt: new Date(T0.getTime() - H) });
  ecmo = await seedTestEpisode(test.db, { suffix: "ecmo", deviceType: "VA_ECMO" });
  const nurse = await createTestUser(test.db, { role: "nurse", unitIds: [iabp.unitId, ecmo.unitId] });
  actor = { userId: nurse.userId, username: nurse.username, role: nurse.role };
});
afterAll(async () => {
  await test.cleanup();
});

const at = (ms: number) => new Date(T0.getTime() + ms);
const openAlarms = () =>
  test.db.alarm.findMany({
    where: { ruleId: PROTOCOL_STEP_RULE, openKey: { not: null } },
    orderBy: { raisedAt: "asc" },
  });

describe("protocol timers in the database", () => {
  it("starts a plan with its audit and DocumentChange, and refuses a second one of the same protocol", async () => {
    const before = await test.db.documentChange.count();
    const plan = await startProtocol({
      db: test.db,
      bedId: iabp.bedId,
      input: { protocol: "iabp-weaning", episodeId: iabp.episodeId },
      actor,
      context: null,
      now: T0,
    });
    expect(plan).toMatchObject({ protocol: "iabp-weaning", status: "active", anchorAt: T0.getTime(), signatures: [] });
    expect(await test.db.documentChange.count()).toBe(before + 1);
    expect(await test.db.auditEvent.count({ where: { action: "protocol.started", targetId: plan.id } })).toBe(1);
    await expect(
      startProtocol({
        db: test.db,
        bedId: iabp.bedId,
        input: { protocol: "iabp-weaning", episodeId: iabp.episodeId },
        actor,
        context: null,
        now: T0,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const bed = await getBedProtocols({ db: test.db, bedId: iabp.bedId, now: T0 });
    expect(bed.startable).toEqual(["helium-check"]);
  });

  it("refuses a protocol that is not for the bed's support, and one for a patient no longer in the bed", async () => {
    const start = (protocol: "iabp-weaning" | "dpc-after-cannulation", episodeId: string) =>
      startProtocol({ db: test.db, bedId: ecmo.bedId, input: { protocol, episodeId }, actor, context: null });
    await expect(start("iabp-weaning", ecmo.episodeId)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(start("dpc-after-cannulation", "someone-else")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await test.db.protocolTimer.count({ where: { bedId: ecmo.bedId } })).toBe(0);
  });

  it("raises an overdue step's alarm on the engine's clock with its priority, once, and clears it on signature", async () => {
    const [plan] = (await getUnitProtocols({ db: test.db, unitId: iabp.unitId })).plans;
    if (!plan) throw new Error("the plan of the first test");
    expect(await syncProtocolAlarms({ db: test.db, now: at(6 * H) })).toBe(0);
    expect(await syncProtocolAlarms({ db: test.db, now: at(6 * H + MIN) })).toBe(1);
    expect(await syncProtocolAlarms({ db: test.db, now: at(6 * H + 2 * MIN) })).toBe(0);
    const [alarm] = await openAlarms();
    expect(alarm).toMatchObject({ origin: "protocols", priority: "low", messageKey: "protocolStepOverdue" });
    expect(alarm?.details).toMatchObject({ summary: { en: "IABP weaning, ratio 1:2 set and reviewed" } });

    const signed = await signProtocolStep({
      db: test.db,
      bedId: iabp.bedId,
      timerId: plan.id,
      input: { stepId: "ratio-1-2" },
      actor,
      context: null,
      now: at(6 * H + 3 * MIN),
    });
    expect(signed.signatures).toMatchObject([{ stepId: "ratio-1-2", occurrence: 1 }]);
    expect(await openAlarms()).toEqual([]);
    expect(await test.db.alarm.findUniqueOrThrow({ where: { id: alarm?.id } })).toMatchObject({
      status: "resolved",
      resolution: "cleared",
    });
  });

  it("refuses a removal signed less than 1 h after heparin stopped, and writes nothing", async () => {
    const [plan] = (await getUnitProtocols({ db: test.db, unitId: iabp.unitId })).plans;
    if (!plan) throw new Error("the plan of the first test");
    const sign = (stepId: string, doneAt: number) =>
      signProtocolStep({
        db: test.db,
        bedId: iabp.bedId,
        timerId: plan.id,
        input: { stepId, doneAt },
        actor,
        context: null,
        now: new Date(doneAt),
      });
    await sign("ratio-1-4", at(8 * H).getTime());
    await sign("heparin-stopped", at(10 * H).getTime());
    const signatures = await test.db.protocolStepSignature.count();
    await expect(sign("balloon-removed", at(10 * H + 30 * MIN).getTime())).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await test.db.protocolStepSignature.count()).toBe(signatures);
    const removed = await sign("balloon-removed", at(11 * H).getTime());
    expect(removed.signatures.map((s) => s.stepId)).toEqual([
      "ratio-1-2",
      "ratio-1-4",
      "heparin-stopped",
      "balloon-removed",
    ]);
  });

  it("cancels with a reason, withdraws the plan's open alarms, and keeps its signatures", async () => {
    const [plan] = (await getUnitProtocols({ db: test.db, unitId: iabp.unitId })).plans;
    if (!plan) throw new Error("the plan of the first test");
    // Compression unsigned an hour after removal: overdue.
    expect(await syncProtocolAlarms({ db: test.db, now: at(12 * H + MIN) })).toBe(1);
    const cancelled = await cancelProtocol({
      db: test.db,
      bedId: iabp.bedId,
      timerId: plan.id,
      input: { reason: "Started on the wrong bed" },
      actor,
      context: null,
      now: at(12 * H + 2 * MIN),
    });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Started on the wrong bed" });
    expect(cancelled.signatures).toHaveLength(4);
    expect(await openAlarms()).toEqual([]);
    expect(await test.db.alarm.count({ where: { ruleId: PROTOCOL_STEP_RULE, resolution: "withdrawn" } })).toBe(1);
    expect((await getUnitProtocols({ db: test.db, unitId: iabp.unitId })).plans).toEqual([]);
    await expect(
      signProtocolStep({
        db: test.db,
        bedId: iabp.bedId,
        timerId: plan.id,
        input: { stepId: "compression-ended" },
        actor,
        context: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps signatures append-only in the database", async () => {
    await expect(test.db.protocolStepSignature.updateMany({ data: { note: "changed" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(test.db.protocolStepSignature.deleteMany({})).rejects.toThrow(/append-only/);
  });
});

describe("the steps after the balloon's removal, with no support running", () => {
  it("raise their alarm on the patient's stay, clear on signature, and leave with the patient at discharge", async () => {
    const removal = await seedTestEpisode(test.db, {
      suffix: "removal",
      deviceType: "IABP",
      startedAt: new Date(T0.getTime() - H),
    });
    const nurse = await createTestUser(test.db, { role: "nurse", unitIds: [removal.unitId] });
    const by = { userId: nurse.userId, username: nurse.username, role: nurse.role };
    const plan = await startProtocol({
      db: test.db,
      bedId: removal.bedId,
      input: { protocol: "iabp-weaning", episodeId: removal.episodeId },
      actor: by,
      context: null,
      now: T0,
    });
    const sign = (stepId: string, doneAt: Date) =>
      signProtocolStep({
        db: test.db,
        bedId: removal.bedId,
        timerId: plan.id,
        input: { stepId, doneAt: doneAt.getTime() },
        actor: by,
        context: null,
        now: doneAt,
      });
    await sign("ratio-1-2", at(6 * H));
    await sign("ratio-1-4", at(8 * H));
    await sign("heparin-stopped", at(10 * H));
    await sign("balloon-removed", at(11 * H));
    // The balloon is out: the IABP episode ends, the patient stays, with no support running.
    await test.db.supportEpisode.update({ where: { id: removal.episodeId }, data: { endedAt: at(11 * H + MIN) } });
    const planAlarms = () =>
      test.db.alarm.findMany({
        where: { ruleId: PROTOCOL_STEP_RULE, subjectKey: { startsWith: `${plan.id}/` } },
        orderBy: { raisedAt: "asc" },
      });

    // Compression unsigned an hour after removal: overdue, and alarmed on the stay.
    await syncProtocolAlarms({ db: test.db, now: at(12 * H + MIN) });
    await syncProtocolAlarms({ db: test.db, now: at(12 * H + 2 * MIN) });
    const [raised, ...others] = await planAlarms();
    expect(others).toEqual([]);
    expect(raised).toMatchObject({ stayId: removal.stayId, episodeId: null, bedId: removal.bedId, status: "active" });

    await sign("compression-ended", at(12 * H + 3 * MIN));
    expect(await test.db.alarm.findUniqueOrThrow({ where: { id: raised?.id } })).toMatchObject({
      status: "resolved",
      resolution: "cleared",
      openKey: null,
    });
    expect((await getBedProtocols({ db: test.db, bedId: removal.bedId, now: at(12 * H + 4 * MIN) })).plans).toEqual([
      expect.objectContaining({ id: plan.id, status: "active" }),
    ]);

    // Discharged with the plan still running: the bed's next patient sees none of it, and nothing more is raised.
    await test.db.stay.update({
      where: { id: removal.stayId },
      data: { dischargedAt: at(13 * H), openBedKey: null, openPatientKey: null },
    });
    expect((await getBedProtocols({ db: test.db, bedId: removal.bedId, now: at(13 * H) })).plans).toEqual([]);
    const unit = await getUnitProtocols({ db: test.db, unitId: removal.unitId, now: at(13 * H) });
    expect(unit.plans.map((p) => p.id)).not.toContain(plan.id);
    await syncProtocolAlarms({ db: test.db, now: at(20 * H) });
    expect(await planAlarms()).toHaveLength(1);
  });
});
