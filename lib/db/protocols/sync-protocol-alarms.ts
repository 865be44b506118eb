import { protocolById } from "@/lib/protocols/protocols";
import { stepStates } from "@/lib/protocols/step-states";
import type { Db } from "../client";
import { raiseStepOverdue } from "./protocol-alarms";

/**
 * The alarm engine's clock calls this (server/alarms/alarm-engine.ts, every 5 s): each running plan's steps are judged
 * at `now` and every overdue one raises its alarm, with the catalogue's priority, in one transaction. Raising is
 * idempotent while the alarm is open; signing the step (sign-protocol-step.ts) or cancelling the plan clears it, in
 * the transaction of the signature. Returns how many alarms were raised, so the caller wakes the change feed.
 *
 * A plan whose episode has ended (the steps after balloon removal stay on the IABP episode) raises on the bed's
 * episode under way for the same patient; with none, no alarm can be raised (an alarm belongs to an episode under
 * way) and the overdue step shows on the bed's protocol panel only. The Stay model of another branch will give such
 * steps a home to alarm on.
 */
export async function syncProtocolAlarms({ db, now }: { db: Db; now: Date }): Promise<number> {
  const plans = await db.protocolTimer.findMany({
    where: { status: "active" },
    select: {
      id: true,
      bedId: true,
      episodeId: true,
      protocol: true,
      anchorAt: true,
      episode: { select: { endedAt: true, patientId: true } },
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
  let raised = 0;
  await db.$transaction(async (tx) => {
    for (const { plan, protocol, step } of overdue) {
      const episodeId = plan.episode.endedAt === null ? plan.episodeId : await episodeUnderWay(tx, plan);
      if (episodeId === null) continue;
      const seq = await raiseStepOverdue({
        db: tx,
        plan: { id: plan.id, episodeId, protocol: protocol.id },
        step,
        now,
      });
      if (seq !== null) raised += 1;
    }
  });
  return raised;
}

async function episodeUnderWay(
  db: Pick<Db, "supportEpisode">,
  plan: { bedId: string; episode: { patientId: string } },
): Promise<string | null> {
  const episode = await db.supportEpisode.findFirst({
    where: { bedId: plan.bedId, patientId: plan.episode.patientId, endedAt: null },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  return episode?.id ?? null;
}
