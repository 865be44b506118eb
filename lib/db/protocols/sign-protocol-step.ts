import { randomUUID } from "node:crypto";
import type { TProtocolPlanDto, TSignStepInput } from "@/lib/protocols/protocol-dtos";
import { protocolById } from "@/lib/protocols/protocols";
import { checkSignable, isComplete, stepStates } from "@/lib/protocols/step-states";
import type { TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal, type TRefusalKey } from "../../errors/refusal";
import { changeRunningPlan, findBedPlan, type TPlanActor } from "./change-running-plan";
import { clearStepOverdue } from "./protocol-alarms";
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

/**
 * Signs a step of a running plan as done (who: the signed-in user; when: `doneAt`, default now): the step's overdue
 * alarm is cleared, the plan completes with its last step, and the signature, the alarm's end, the audit and the
 * DocumentChange commit together.
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
      await tx.protocolStepSignature.create({
        data: {
          id: randomUUID(),
          timerId,
          stepId: input.stepId,
          occurrence: check.occurrence,
          doneAt,
          recordedAt: now,
          signedById: actor.userId,
          note: input.note ?? null,
        },
      });
      await clearStepOverdue({
        db: tx,
        plan,
        stepId: input.stepId,
        occurrence: check.occurrence,
        resolution: "cleared",
        actor,
        context,
        now,
      });
      const signed = await findBedPlan(tx, bedId, timerId);
      const completed = isComplete(stepStates(protocol, planClock(signed), now.getTime()), protocol);
      if (completed)
        await tx.protocolTimer.update({ where: { id: timerId }, data: { status: "completed", endedAt: now } });
      return {
        action: "protocol.step-signed",
        details: {
          stepId: input.stepId,
          occurrence: check.occurrence,
          doneAt: doneAt.toISOString(),
          completed,
        },
      };
    },
  });
}
