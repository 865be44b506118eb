import type { TCancelProtocolInput, TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { appendAlarmEvent, type TAppendAlarmEvent } from "../alarms/append-alarm-event";
import type { TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { changeRunningPlan, type TPlanActor } from "./change-running-plan";
import { PROTOCOL_STEP_RULE, clearLimbFinding, clearStepOverdue } from "./protocol-alarms";

/**
 * Cancels a running plan with its reason (started in error, weaning abandoned, the balloon replaced): its open
 * overdue alarms and its abnormal limb check alarm are withdrawn, and the cancellation, the alarms' end, the audit and the DocumentChange commit
 * together. The signatures stay: a cancelled plan is still read on the bed's panel for a day.
 */
export async function cancelProtocol({
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
  input: TCancelProtocolInput;
  actor: TPlanActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<TProtocolPlanDto> {
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
        `This protocol timer is already ${status}.`,
        undefined,
        refusal("protocolEnded", { status }),
      ),
    change: async (tx) => {
      await tx.protocolTimer.update({
        where: { id: timerId },
        data: { status: "cancelled", endedAt: now, cancelledById: actor.userId, cancelReason: input.reason },
      });
      const open = await tx.alarm.findMany({
        where: { ruleId: PROTOCOL_STEP_RULE, subjectKey: { startsWith: `${timerId}/` }, openKey: { not: null } },
        select: { subjectKey: true },
      });
      // Every alarm row first, then the events: the first event takes the log-order lock, and holding it the
      // cancellation must not wait for the next alarm's row, which a nurse acknowledging that alarm holds while
      // waiting for that lock (docs/deployment-database.md, "Lock order").
      const events: (TAppendAlarmEvent | null)[] = [];
      for (const alarm of open) {
        const [, stepId = "", occurrence = "1"] = alarm.subjectKey.split("/");
        const event = await clearStepOverdue({
          db: tx,
          plan: { id: timerId },
          stepId,
          occurrence: Number(occurrence),
          resolution: "withdrawn",
          actor,
          context,
          now,
        });
        events.push(event);
      }
      // The plan's abnormal limb check alarm ends with it as its overdue ones do (docs/protocols.md): the finding
      // itself stays with its signature, on the panel for a day.
      const limb = await clearLimbFinding({
        db: tx,
        plan: { id: timerId },
        resolution: "withdrawn",
        actor,
        context,
        now,
      });
      events.push(limb);
      for (const event of events) if (event !== null) await appendAlarmEvent(event);
      return {
        action: "protocol.cancelled",
        details: { reason: input.reason, alarmsWithdrawn: open.length + (limb === null ? 0 : 1) },
      };
    },
  });
}
