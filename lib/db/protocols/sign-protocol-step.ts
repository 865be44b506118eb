import { randomUUID } from "node:crypto";
import type { TProtocolPlanDto, TSignStepInput } from "@/lib/protocols/protocol-dtos";
import { protocolById, type TProtocolStep } from "@/lib/protocols/protocols";
import { checkStepFinding, limbFindingSummary, type TStepFindingIssue } from "@/lib/protocols/step-finding";
import { checkSignable, isComplete, stepStates } from "@/lib/protocols/step-states";
import { appendAlarmEvent, type TAppendAlarmEvent } from "../alarms/append-alarm-event";
import type { TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal, type TRefusalKey } from "../../errors/refusal";
import { changeRunningPlan, findBedPlan, type TPlanActor } from "./change-running-plan";
import { clearLimbFinding, clearStepOverdue, raiseLimbFinding } from "./protocol-alarms";
import { planClock } from "./protocol-rows";

const REFUSALS = {
  "unknown-step": "stepId: this protocol has no such step.",
  "already-done": "stepId: this step is already signed.",
  waiting: "stepId: the step before this one is not signed yet.",
  "too-early": "doneAt: this step cannot be done before its earliest time (see the protocol panel).",
  "before-previous": "doneAt: this step cannot be done before the step it follows was done.",
} as const;
const STEP_REFUSALS = {
  "unknown-step": "stepUnknown",
  "already-done": "stepAlreadyDone",
  waiting: "stepWaiting",
  "too-early": "stepTooEarly",
  "before-previous": "stepBeforePrevious",
} as const satisfies Record<keyof typeof REFUSALS, TRefusalKey>;
/** The field each names, as the route's other refusals do; the comment of an abnormal finding is the note. */
const FINDING_REFUSALS = {
  "finding-required": "finding: a limb check is signed with its finding, normal or abnormal.",
  "finding-not-asked": "finding: only a limb check is signed with a finding.",
  "comment-required": "note: an abnormal finding needs a comment.",
} as const satisfies Record<TStepFindingIssue, string>;
const FINDING_REFUSAL_KEYS = {
  "finding-required": "stepFindingRequired",
  "finding-not-asked": "stepFindingNotAsked",
  "comment-required": "stepFindingCommentRequired",
} as const satisfies Record<TStepFindingIssue, TRefusalKey>;

/**
 * Signs a step of a running plan as done (who: the signed-in user; when: `doneAt`, default now): the step's overdue
 * alarm is cleared, the plan completes with its last step, and the signature, the alarm's end, the audit and the
 * DocumentChange commit together.
 *
 * A limb check is signed with its finding (issue 15: a cold, pale leg after the balloon's removal is charted and
 * judged even with no support running, when no round can be signed): an abnormal one, with its comment, raises the
 * plan's MEDIUM alarm in the same transaction, on the plan's episode while it runs, else on the patient's stay; a
 * later normal one clears it.
 */
export async function signProtocolStep({
  db,
  bedId,
  timerId,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  timerId: string;
  input: TSignStepInput;
  actor: TPlanActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<TProtocolPlanDto> {
  const doneAt = new Date(input.doneAt ?? now.getTime());
  return changeRunningPlan({
    db,
    bedId,
    timerId,
    actor,
    context,
    now,
    notRunning: (status) =>
      new AppError(
        "CONFLICT",
        `This protocol timer is ${status}: its steps can no longer be signed.`,
        undefined,
        refusal("protocolStepsClosed", { status }),
      ),
    change: async (tx, plan) => {
      const protocol = protocolById(plan.protocol);
      if (!protocol)
        throw new AppError(
          "CONFLICT",
          "This protocol is not known to this version of the station.",
          undefined,
          refusal("protocolUnknown"),
        );
      if (doneAt.getTime() < plan.anchorAt)
        throw new AppError(
          "INVALID_INPUT",
          "doneAt: a step cannot be done before the protocol's clock started.",
          undefined,
          refusal("stepBeforeClock"),
        );
      const check = checkSignable(stepStates(protocol, planClock(plan), now.getTime()), input.stepId, doneAt.getTime());
      if (!check.ok)
        throw new AppError(
          check.reason === "unknown-step" ? "INVALID_INPUT" : "CONFLICT",
          REFUSALS[check.reason],
          undefined,
          refusal(STEP_REFUSALS[check.reason]),
        );
      const issue = checkStepFinding(input);
      if (issue !== null)
        throw new AppError("INVALID_INPUT", FINDING_REFUSALS[issue], undefined, refusal(FINDING_REFUSAL_KEYS[issue]));
      await tx.protocolStepSignature.create({
        data: {
          id: randomUUID(),
          timerId,
          stepId: input.stepId,
          occurrence: check.occurrence,
          doneAt,
          recordedAt: now,
          signedById: actor.userId,
          finding: input.finding ?? null,
          note: input.note ?? null,
        },
      });
      // Every row first (the alarms', the plan's), then the alarms' events: the first event takes the log-order lock,
      // and holding it the signature must not wait for a row, which a nurse acknowledging the limb check's alarm, or
      // a move of the patient (the bed of its alarms and plans), holds while waiting for that lock
      // (docs/deployment-database.md, "Lock order").
      const overdue = await clearStepOverdue({
        db: tx,
        plan,
        stepId: input.stepId,
        occurrence: check.occurrence,
        resolution: "cleared",
        actor,
        context,
        now,
      });
      let limb: TAppendAlarmEvent | null = null;
      if (input.finding !== undefined) {
        const step = protocol.steps.find((s) => s.id === input.stepId);
        if (!step) throw new Error(`step ${input.stepId} was just found signable and must be known`);
        limb = await judgeLimbFinding({ tx, plan, step, input, occurrence: check.occurrence, actor, context, now });
      }
      const signed = await findBedPlan(tx, bedId, timerId);
      const completed = isComplete(stepStates(protocol, planClock(signed), now.getTime()), protocol);
      if (completed)
        await tx.protocolTimer.update({ where: { id: timerId }, data: { status: "completed", endedAt: now } });
      for (const event of [overdue, limb]) if (event !== null) await appendAlarmEvent(event);
      return {
        action: "protocol.step-signed",
        details: {
          stepId: input.stepId,
          occurrence: check.occurrence,
          doneAt: doneAt.toISOString(),
          ...(input.finding === undefined ? {} : { finding: input.finding }),
          completed,
        },
      };
    },
  });
}

/**
 * An abnormal limb check raises the plan's alarm, a normal one clears it: its row, and its event for the caller to
 * append (null when nothing changed). Scoped like an overdue step's (sync-protocol-alarms.ts): the plan's episode
 * while it runs, else the patient's stay. A discharged patient's plan raises nothing, as the engine's clock raises
 * nothing for it: nobody can act on them in that bed.
 */
async function judgeLimbFinding({
  tx,
  plan,
  step,
  input,
  occurrence,
  actor,
  context,
  now,
}: {
  tx: Prisma.TransactionClient;
  plan: TProtocolPlanDto;
  step: TProtocolStep;
  input: TSignStepInput;
  occurrence: number;
  actor: TPlanActor;
  context: TRequestContext | null;
  now: Date;
}): Promise<TAppendAlarmEvent | null> {
  if (input.finding === "normal") return clearLimbFinding({ db: tx, plan, resolution: "cleared", actor, context, now });
  const episode = await tx.supportEpisode.findUniqueOrThrow({
    where: { id: plan.episodeId },
    select: { stayId: true, stay: { select: { dischargedAt: true } } },
  });
  if (episode.stay.dischargedAt !== null) return null;
  return raiseLimbFinding({
    db: tx,
    plan: { id: plan.id, scope: plan.episodeEnded ? { stayId: episode.stayId } : { episodeId: plan.episodeId } },
    summary: limbFindingSummary(step, (input.note ?? "").trim()),
    stepId: step.id,
    occurrence,
    actor,
    context,
    now,
  });
}
