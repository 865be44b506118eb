import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TPrincipal } from "@/lib/auth/principal";
import type { TSignStepInput } from "@/lib/protocols/protocol-dtos";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { holdBeforeCreate, outcome, someoneWaitsForALock } from "@/test/support/hold-transaction";
import { seedTestNurse } from "@/test/support/seed-test-alarm";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { acknowledgeAlarm } from "../alarms/acknowledge-alarm";
import { moveStay } from "../stays/move-stay";
import { cancelProtocol } from "./cancel-protocol";
import { LIMB_CHECK_RULE, PROTOCOL_STEP_RULE, stepSubject } from "./protocol-alarms";
import { signProtocolStep } from "./sign-protocol-step";
import { startProtocol } from "./start-protocol";
import { syncProtocolAlarms } from "./sync-protocol-alarms";

/*
 * A protocol plan's alarms written beside a nurse acknowledging one of them, on PostgreSQL. The acknowledgement
 * updates the alarm's row, then appends its event, which takes the log-order lock. Signing an overdue limb check
 * normal cleared the step's overdue alarm, its event included, then cleared the plan's abnormal limb check alarm;
 * cancelling the plan withdrew its overdue alarms one by one, then that alarm: holding the lock, either waited for
 * the row the acknowledgement held while that waited for the lock ('deadlock detected'). The acknowledgement is held
 * between its row and its event until the other transaction waits for it, the losing interleaving.
 */
const MIN = 60_000;
const H = 60 * MIN;
const T0 = new Date(Date.now() - 20 * H);
const at = (ms: number) => new Date(T0.getTime() + ms);

/** The nurse as the plan's operations record their author. */
const planActor = (principal: TPrincipal) => ({
  userId: principal.userId,
  username: principal.username,
  role: principal.role,
});

let testDb: TestDb;
let world: TestEpisode;
let nurse: TPrincipal;
let planId: string;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  world = await seedTestEpisode(testDb.db, { deviceType: "IABP", startedAt: new Date(T0.getTime() - H) });
  nurse = await seedTestNurse(testDb.db, world);
  // Weaned to the balloon's removal at T0 + 11 h; the first limb check abnormal (the plan's limb alarm), the next
  // one and the end of compression overdue at T0 + 13 h 20 (their alarms).
  planId = (
    await startProtocol({
      db: testDb.db,
      bedId: world.bedId,
      input: { protocol: "iabp-weaning", episodeId: world.episodeId },
      actor: planActor(nurse),
      context: null,
      now: T0,
    })
  ).id;
  await sign("ratio-1-2", at(6 * H));
  await sign("ratio-1-4", at(8 * H));
  await sign("heparin-stopped", at(10 * H));
  await sign("balloon-removed", at(11 * H));
  await sign("limb-check-60", at(12 * H + 5 * MIN), { finding: "abnormal", note: "pale left foot" });
  await syncProtocolAlarms({ db: testDb.db, now: at(13 * H + 20 * MIN) });
});
afterEach(() => testDb.cleanup());

/** The nurse signs a step of the plan, done at `doneAt`, at that time. */
function sign(stepId: string, doneAt: Date, more: Pick<TSignStepInput, "finding" | "note"> = {}) {
  return signProtocolStep({
    db: testDb.db,
    bedId: world.bedId,
    timerId: planId,
    input: { stepId, doneAt: doneAt.getTime(), ...more },
    actor: planActor(nurse),
    context: null,
    now: doneAt,
  });
}

/** The plan's alarms (the limb alarm's subject is the plan's id, an overdue one's the plan's step), as each stands. */
const planAlarms = () =>
  testDb.db.alarm.findMany({
    where: { ruleId: { in: [PROTOCOL_STEP_RULE, LIMB_CHECK_RULE] } },
    orderBy: { subjectKey: "asc" },
    select: { ruleId: true, subjectKey: true, status: true, resolution: true, acknowledgedById: true },
  });

/**
 * `change` run on a client whose transactions are not held, while the plan's limb alarm is acknowledged: the
 * acknowledgement has updated its row and is held before its event until `change` waits for that row.
 */
async function changeDuringAcknowledgement(change: () => Promise<unknown>) {
  const limb = await testDb.db.alarm.findFirstOrThrow({ where: { ruleId: LIMB_CHECK_RULE, subjectKey: planId } });
  const held = holdBeforeCreate(testDb.db, "alarmEvent");
  const acknowledging = acknowledgeAlarm({
    db: held.db,
    principal: nurse,
    input: { alarmId: limb.id, reason: "treated" },
    context: null,
    via: "test",
  });
  await held.paused;
  const changing = change();
  const waited = await someoneWaitsForALock(testDb.db, 5_000);
  held.release();
  const [changed, acknowledged] = await Promise.allSettled([changing, acknowledging]);
  return { waited, changed: outcome(changed), acknowledged: outcome(acknowledged) };
}

describe.runIf(process.env.TEST_DATABASE === "postgres")("a protocol plan's alarms beside an acknowledgement", () => {
  it("the set-up: the limb alarm and two overdue alarms are open", async () => {
    expect(await planAlarms()).toEqual([
      { ruleId: LIMB_CHECK_RULE, subjectKey: planId, status: "active", resolution: null, acknowledgedById: null },
      {
        ruleId: PROTOCOL_STEP_RULE,
        subjectKey: stepSubject(planId, "compression-ended", 1),
        status: "active",
        resolution: null,
        acknowledgedById: null,
      },
      {
        ruleId: PROTOCOL_STEP_RULE,
        subjectKey: stepSubject(planId, "limb-check-120", 1),
        status: "active",
        resolution: null,
        acknowledgedById: null,
      },
    ]);
  }, 30_000);

  it("signs an overdue limb check normal after an acknowledgement of the limb alarm that began before, both committed", async () => {
    const result = await changeDuringAcknowledgement(() =>
      sign("limb-check-120", at(13 * H + 25 * MIN), { finding: "normal" }),
    );
    expect(result).toEqual({ waited: true, changed: "committed", acknowledged: "committed" });
    const alarms = await planAlarms();
    expect(alarms.map((a) => [a.subjectKey, a.status, a.resolution, a.acknowledgedById])).toEqual([
      [planId, "resolved", "cleared", nurse.userId],
      [stepSubject(planId, "compression-ended", 1), "active", null, null],
      [stepSubject(planId, "limb-check-120", 1), "resolved", "cleared", null],
    ]);
  }, 30_000);

  it("cancels the plan after an acknowledgement of its limb alarm that began before, both committed", async () => {
    const result = await changeDuringAcknowledgement(() =>
      cancelProtocol({
        db: testDb.db,
        bedId: world.bedId,
        timerId: planId,
        input: { reason: "Started on the wrong bed" },
        actor: planActor(nurse),
        context: null,
        now: at(13 * H + 25 * MIN),
      }),
    );
    expect(result).toEqual({ waited: true, changed: "committed", acknowledged: "committed" });
    const alarms = await planAlarms();
    expect(alarms.map((a) => [a.status, a.resolution])).toEqual([
      ["resolved", "withdrawn"],
      ["resolved", "withdrawn"],
      ["resolved", "withdrawn"],
    ]);
  }, 30_000);

  it("raises two plans' overdue alarms after a move of the second plan's patient that began before, both committed", async () => {
    // A second patient, weaned to the removal at T0 + 11 h too, with a free bed of her unit to move to.
    const other = await seedTestEpisode(testDb.db, { suffix: "2", deviceType: "IABP", startedAt: T0 });
    await testDb.db.bed.create({ data: { id: "test-bed-3", unitId: other.unitId, label: "T3", position: 3 } });
    const otherPlan = await startProtocol({
      db: testDb.db,
      bedId: other.bedId,
      input: { protocol: "iabp-weaning", episodeId: other.episodeId },
      actor: planActor(nurse),
      context: null,
      now: T0,
    });
    for (const [stepId, hours] of [
      ["ratio-1-2", 6],
      ["ratio-1-4", 8],
      ["heparin-stopped", 10],
      ["balloon-removed", 11],
    ] as const)
      await signProtocolStep({
        db: testDb.db,
        bedId: other.bedId,
        timerId: otherPlan.id,
        input: { stepId, doneAt: at(hours * H).getTime() },
        actor: planActor(nurse),
        context: null,
        now: at(hours * H),
      });

    // The move has locked the second patient's stay (FOR UPDATE: its bed key) and is held before its audit and its
    // DocumentChange. The clock raises the first plan's 4 h limb check, then the second plan's steps, whose alarms'
    // foreign key waits for that stay.
    const held = holdBeforeCreate(testDb.db, "auditEvent");
    const moving = moveStay({
      db: held.db,
      input: { stayId: other.stayId, toBedId: "test-bed-3" },
      actor: null,
      context: null,
    });
    await held.paused;
    const raising = syncProtocolAlarms({ db: testDb.db, now: at(15 * H + 20 * MIN) });
    const waited = await someoneWaitsForALock(testDb.db, 5_000);
    held.release();
    const [raised, moved] = await Promise.allSettled([raising, moving]);
    expect({ waited, raised: outcome(raised), moved: outcome(moved) }).toEqual({
      waited: true,
      raised: "committed",
      moved: "committed",
    });
    const open = await testDb.db.alarm.findMany({
      where: { ruleId: PROTOCOL_STEP_RULE, status: "active" },
      select: { subjectKey: true, bedId: true },
    });
    const subjects = open.map((a) => a.subjectKey);
    expect(subjects).toContain(stepSubject(planId, "limb-check-240", 1));
    expect(subjects).toContain(stepSubject(otherPlan.id, "limb-check-240", 1));
    // Raised after the move committed, each on the bed the patient was moved to, not the one she left (the first
    // one raised, whose INSERT had waited for the move, was on the bed she left).
    const otherBeds = open.filter((a) => a.subjectKey.startsWith(otherPlan.id)).map((a) => a.bedId);
    expect(otherBeds.length).toBeGreaterThan(1);
    expect(new Set(otherBeds)).toEqual(new Set(["test-bed-3"]));
  }, 30_000);
});
