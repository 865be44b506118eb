import { randomUUID } from "node:crypto";
import { appendAlarmEvent, type TAppendAlarmEvent } from "../alarms/append-alarm-event";
import { raiseExternalAlarmRow } from "../alarms/raise-external-alarm-row";
import { announceCommit } from "../changes/announce-commit";
import type { Db } from "../client";
import { LAB_REFUSAL_RULE } from "@/lib/alarms/lab-refusal-rule";
import { refusalSummary, type TNewLabRefusal } from "./lab-refusal";

/**
 * Records laboratory results an import refused for an admitted patient and a monitored analyte, each with its technical
 * alarm, in one transaction: nothing refused is invisible (issue 16), with or without support running. The same result refused again (a re-sent
 * message) is recorded once, by its source reference. The screens learn of the alarms from the change feed, and the
 * bed reads its open refusals with its detail.
 */
export async function recordLabRefusals({
  db,
  refusals,
  now = new Date(),
}: {
  db: Db;
  refusals: readonly TNewLabRefusal[];
  now?: Date;
}): Promise<number> {
  if (refusals.length === 0) return 0;
  const recorded = await db.$transaction(async (tx) => {
    let n = 0;
    // Every row first (the refusals', their alarms'), then the alarms' events: the first event takes the log-order
    // lock, and holding it this transaction must not wait for a row, as the next refusal's INSERT does (its stay's,
    // for its foreign key) while a move of that patient holds it and waits for the lock
    // (docs/deployment-database.md, "Lock order").
    const events: TAppendAlarmEvent[] = [];
    for (const r of refusals) {
      const known = await tx.labRefusal.findUnique({
        where: { source_sourceRef: { source: r.source, sourceRef: r.sourceRef } },
        select: { id: true },
      });
      if (known) continue;
      // The patient may have left since the batch was checked: a discharged stay's bed shows it no more.
      const stay = await tx.stay.findUnique({
        where: { id: r.stayId },
        select: { bedId: true, unitId: true, dischargedAt: true },
      });
      if (!stay || stay.dischargedAt !== null) continue;
      const id = randomUUID();
      await tx.labRefusal.create({
        data: {
          id,
          stayId: r.stayId,
          episodeId: r.episodeId,
          bedId: stay.bedId,
          unitId: stay.unitId,
          parameter: r.parameter,
          observedAt: r.observedAt,
          receivedAt: now,
          kind: r.what,
          field: r.field,
          value: r.value.slice(0, 200),
          reason: r.reason.slice(0, 500),
          source: r.source,
          sourceRef: r.sourceRef,
        },
      });
      const { event } = await raiseExternalAlarmRow({
        db: tx,
        origin: "labs",
        actor: null,
        context: null,
        now,
        // The stay's alarm, whatever runs: it lasts until someone deals with the result, even after the support ends.
        input: {
          stayId: r.stayId,
          ruleId: LAB_REFUSAL_RULE,
          subjectKey: id,
          priority: "technical",
          messageKey: "labResultUnreadable",
          summary: refusalSummary(r),
          refs: { labRefusalId: id, parameter: r.parameter },
        },
      });
      if (event) events.push(event);
      n += 1;
    }
    for (const event of events) await appendAlarmEvent(event);
    return n;
  });
  if (recorded > 0) announceCommit(db);
  return recorded;
}
