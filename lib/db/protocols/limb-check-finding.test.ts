import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSignStepInput } from "@/lib/protocols/protocol-dtos";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser } from "@/test/support/sign-in-test-user";
import { AppError } from "../../errors/app-error";
import type { TAuditActor } from "../audit/record-audit-event";
import { endAlarmsOfDischargedStays } from "../alarms/end-alarms-of-discharged-stays";
import { cancelProtocol } from "./cancel-protocol";
import { LIMB_CHECK_RULE } from "./protocol-alarms";
import { signProtocolStep } from "./sign-protocol-step";
import { startProtocol } from "./start-protocol";

const MIN = 60_000;
const H = 60 * MIN;

let test: TestDb;
let actor: TAuditActor & { userId: string };
const T0 = new Date(Date.now() - 20 * H);
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(async () => {
  await test.cleanup();
});

/** An IABP patient weaned to the balloon's removal at T0 + 11 h, signed by one nurse. */
async function removedBalloon(suffix: string): Promise<{ world: TestEpisode; planId: string; sign: TSign }> {
  const world = await seedTestEpisode(test.db, { suffix, deviceType: "IABP", startedAt: new Date(T0.getTime() - H) });
  const nurse = await createTestUser(test.db, { role: "nurse", unitIds: [world.unitId] });
  actor = { userId: nurse.userId, username: nurse.username, role: nurse.role };
  const plan = await startProtocol({
    db: test.db,
    bedId: world.bedId,
    input: { protocol: "iabp-weaning", episodeId: world.episodeId },
    actor,
    context: null,
    now: T0,
  });
  const sign: TSign = (stepId, doneAt, more = {}) =>
    signProtocolStep({
      db: test.db,
      bedId: world.bedId,
      timerId: plan.id,
      input: { stepId, doneAt: doneAt.getTime(), ...more },
      actor,
      context: null,
      now: doneAt,
    });
  await sign("ratio-1-2", at(6 * H));
  await sign("ratio-1-4", at(8 * H));
  await sign("heparin-stopped", at(10 * H));
  await sign("balloon-removed", at(11 * H));
  return { world, planId: plan.id, sign };
}
type TSign = (
  stepId: string,
  doneAt: Date,
  more?: Pick<TSignStepInput, "finding" | "note">,
) => ReturnType<typeof signProtocolStep>;

const limbAlarms = (planId: string) =>
  test.db.alarm.findMany({ where: { ruleId: LIMB_CHECK_RULE, subjectKey: planId }, orderBy: { raisedAt: "asc" } });

describe("a limb check after the balloon's removal, with no support running", () => {
  it("charts an abnormal finding with its comment, alarms on the stay, and a later normal check clears it", async () => {
    const { world, planId, sign } = await removedBalloon("limb");
    // The balloon is out: the IABP episode ends, the patient stays, with no support running.
    await test.db.supportEpisode.update({ where: { id: world.episodeId }, data: { endedAt: at(11 * H + MIN) } });

    const signed = await sign("limb-check-60", at(12 * H + 5 * MIN), {
      finding: "abnormal",
      note: "cold right foot, no Doppler pulse",
    });
    expect(signed.signatures.find((s) => s.stepId === "limb-check-60")).toMatchObject({
      finding: "abnormal",
      note: "cold right foot, no Doppler pulse",
    });
    const [raised, ...others] = await limbAlarms(planId);
    expect(others).toEqual([]);
    expect(raised).toMatchObject({
      stayId: world.stayId,
      episodeId: null,
      bedId: world.bedId,
      origin: "protocols",
      priority: "medium",
      status: "active",
      messageKey: "limbCheckAbnormal",
    });
    expect(raised?.details).toMatchObject({
      summary: { en: "at 1 h — cold right foot, no Doppler pulse", fr: "à 1 h — cold right foot, no Doppler pulse" },
      refs: { timerId: planId, stepId: "limb-check-60", occurrence: 1 },
    });
    const audit = await test.db.auditEvent.findFirstOrThrow({
      where: { action: "protocol.step-signed", targetId: planId },
      orderBy: { at: "desc" },
    });
    expect(audit.details).toMatchObject({ stepId: "limb-check-60", finding: "abnormal" });

    await sign("limb-check-120", at(13 * H + 5 * MIN), { finding: "normal" });
    expect(await test.db.alarm.findUniqueOrThrow({ where: { id: raised?.id } })).toMatchObject({
      status: "resolved",
      resolution: "cleared",
      openKey: null,
    });
    expect(await limbAlarms(planId)).toHaveLength(1);
  });

  it("refuses a limb check without its finding, an abnormal one without a comment, a finding on another step, and writes nothing", async () => {
    const { world, planId, sign } = await removedBalloon("limb-refused");
    await test.db.supportEpisode.update({ where: { id: world.episodeId }, data: { endedAt: at(11 * H + MIN) } });
    const written = async () => ({
      signatures: await test.db.protocolStepSignature.count({ where: { timerId: planId } }),
      alarms: await test.db.alarm.count({ where: { stayId: world.stayId } }),
      audit: await test.db.auditEvent.count({ where: { targetId: planId } }),
      changes: await test.db.documentChange.count(),
    });
    const before = await written();
    const when = at(12 * H + 5 * MIN);
    const refused = (stepId: string, more?: Pick<TSignStepInput, "finding" | "note">) =>
      sign(stepId, when, more).then(
        () => {
          throw new Error(`${stepId} was signed`);
        },
        (error: unknown) => {
          if (!(error instanceof AppError)) throw error;
          return { code: error.code, message: error.message, key: error.reason?.key };
        },
      );
    expect(await refused("limb-check-60", { finding: "abnormal" })).toEqual({
      code: "INVALID_INPUT",
      message: "note: an abnormal finding needs a comment.",
      key: "stepFindingCommentRequired",
    });
    expect(await refused("limb-check-60", { finding: "abnormal", note: "  " })).toMatchObject({
      key: "stepFindingCommentRequired",
    });
    expect(await refused("limb-check-60")).toEqual({
      code: "INVALID_INPUT",
      message: "finding: a limb check is signed with its finding, normal or abnormal.",
      key: "stepFindingRequired",
    });
    expect(await refused("compression-ended", { finding: "normal" })).toEqual({
      code: "INVALID_INPUT",
      message: "finding: only a limb check is signed with a finding.",
      key: "stepFindingNotAsked",
    });
    expect(await written()).toEqual(before);
  });
});

describe("a limb check while the plan's support still runs", () => {
  it("alarms on the episode, keeps one alarm per plan, withdraws it with the plan, and a discharge ends a stay's", async () => {
    const { world, planId, sign } = await removedBalloon("limb-running");
    await sign("limb-check-60", at(12 * H + 5 * MIN), { finding: "abnormal", note: "pale left foot" });
    await sign("limb-check-120", at(13 * H + 5 * MIN), { finding: "abnormal", note: "still pale" });
    const [raised, ...others] = await limbAlarms(planId);
    expect(others).toEqual([]);
    expect(raised).toMatchObject({ episodeId: world.episodeId, stayId: world.stayId, status: "active" });

    await cancelProtocol({
      db: test.db,
      bedId: world.bedId,
      timerId: planId,
      input: { reason: "Started on the wrong bed" },
      actor,
      context: null,
      now: at(13 * H + 10 * MIN),
    });
    expect(await test.db.alarm.findUniqueOrThrow({ where: { id: raised?.id } })).toMatchObject({
      status: "resolved",
      resolution: "withdrawn",
    });

    // A second plan after the removal, its abnormal check on the stay: the discharge ends it like any stay alarm.
    const { world: next, planId: nextPlan, sign: signNext } = await removedBalloon("limb-discharged");
    await test.db.supportEpisode.update({ where: { id: next.episodeId }, data: { endedAt: at(11 * H + MIN) } });
    await signNext("limb-check-60", at(12 * H + 5 * MIN), { finding: "abnormal", note: "mottled right leg" });
    await test.db.stay.update({
      where: { id: next.stayId },
      data: { dischargedAt: at(13 * H), openBedKey: null, openPatientKey: null },
    });
    await endAlarmsOfDischargedStays({ db: test.db, now: at(13 * H + MIN) });
    expect(await limbAlarms(nextPlan)).toEqual([
      expect.objectContaining({ status: "resolved", resolution: "discharged", openKey: null }),
    ]);
  });
});
