import { protocolById } from "@/lib/protocols/protocols";
import { stepStates } from "@/lib/protocols/step-states";
import { appendAlarmEvent, type TAppendAlarmEvent } from "../alarms/append-alarm-event";
import type { Db } from "../client";
import { PROTOCOL_STEP_RULE, raiseStepOverdue, stepSubject } from "./protocol-alarms";

/**
 * The alarm engine's clock calls this (server/alarms/alarm-engine.ts, every 5 s): each running plan's steps are judged
 * at `now` and every overdue one raises its alarm, with the catalogue's priority, in one transaction. Raising is
 * idempotent while the alarm is open; signing the step (sign-protocol-step.ts) or cancelling the plan clears it, in
 * the transaction of the signature. Returns how many alarms were raised, so the caller wakes the change feed.
 *
 * A plan whose episode has ended (the steps after balloon removal stay on the IABP episode) raises on the patient's
 * stay, support or none: an overdue limb check after removal alarms like any step (issue 15), and the alarm outlives
 * a support started or ended meanwhile, until the step is signed or the plan cancelled. A step that already has an
 * open alarm (raised on the episode while it ran) is not raised twice. A discharged stay's plans raise nothing.
 */
export async function syncProtocolAlarms({ db, now }: { db: Db; now: Date }): Promise<number> {
  const plans = await db.protocolTimer.findMany({
    where: { status: "active", episode: { stay: { dischargedAt: null } } },
    select: {
      id: true,
      bedId: true,
      episodeId: true,
      protocol: true,
      anchorAt: true,
      episode: { select: { endedAt: true, stayId: true } },
      signatures: { select: { stepId: true, occurrence: true, doneAt: true } },
    },
  });
  const overdue = plans.flatMap((plan) => {
    const protocol = protocolById(plan.protocol);
    if (!protocol) return [];
    const states = stepStates(
      protocol,
      {
        anchorAt: plan.anchorAt.getTime(),
        signatures: plan.signatures.map((s) => ({ ...s, doneAt: s.doneAt.getTime(), signedBy: "" })),
      },
      now.getTime(),
    );
    return states.filter((s) => s.kind === "overdue").map((step) => ({ plan, protocol, step }));
  });
  if (overdue.length === 0) return 0;
  return db.$transaction(async (tx) => {
    // Every alarm row first, then the events: the first event takes the log-order lock, and holding it this
    // transaction must not wait for a row, as the next alarm's INSERT does (its stay's, for its foreign key) while a
    // move of that patient holds it and waits for the lock (docs/deployment-database.md, "Lock order").
    const events: TAppendAlarmEvent[] = [];
    for (const { plan, protocol, step } of overdue) {
      const running = plan.episode.endedAt === null;
      if (!running && (await hasOpenAlarm(tx, stepSubject(plan.id, step.stepId, step.occurrence)))) continue;
      const event = await raiseStepOverdue({
        db: tx,
        plan: {
          id: plan.id,
          scope: running ? { episodeId: plan.episodeId } : { stayId: plan.episode.stayId },
          protocol: protocol.id,
        },
        step,
        now,
      });
      if (event !== null) events.push(event);
    }
    for (const event of events) await appendAlarmEvent(event);
    return events.length;
  });
}

async function hasOpenAlarm(db: Pick<Db, "alarm">, subjectKey: string): Promise<boolean> {
  const open = await db.alarm.findFirst({
    where: { ruleId: PROTOCOL_STEP_RULE, subjectKey, openKey: { not: null } },
    select: { id: true },
  });
  return open !== null;
}
