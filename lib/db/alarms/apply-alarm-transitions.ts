import { randomUUID } from "node:crypto";
import { alarmOpenKey } from "@/lib/alarms/external-alarm-schema";
import type { TAlarmTransition } from "@/lib/alarms/alarm-state";
import type { TLimitProvenance } from "@/lib/alarms/limit-overrides";
import { appendAlarmEvent, type TAlarmDb, type TAppendAlarmEvent } from "./append-alarm-event";
import { endStayRuleAlarms } from "./end-stay-rule-alarms";

export interface TApplyAlarmTransitions {
  /** The engine's transaction: the alarms, their events, their audit and the evaluator state commit together. */
  db: TAlarmDb;
  /** The stay judged, where it is, and the episode running (null when none runs): the alarm's stay and episode. */
  stay: { id: string; unitId: string; bedId: string; episodeId: string | null };
  transitions: readonly TAlarmTransition[];
  /**
   * Rules whose open alarm ends at `at` because the support they watch has ended (endStayRuleAlarms), before the
   * transitions; none when absent.
   */
  ending?: { ruleIds: readonly string[]; at: Date };
  /** Where each rule's limit in force came from (an override, the default). */
  provenance: ReadonlyMap<string, TLimitProvenance>;
}

export interface TAppliedTransitions {
  /**
   * Rules whose alarm the database ended although the evaluator latched it: someone acknowledged it (from another
   * screen) before the engine learnt of it. The engine drops them from its state.
   */
  readonly endedOnLatch: string[];
}

const OPEN = ["active", "acknowledged", "latched"];

/**
 * Writes what the pure evaluator decided: a raise opens an Alarm row, a latch, a clear or a supersession moves it,
 * each with its AlarmEvent and audit event (engine transitions have no actor). The row is the truth: a transition
 * about an alarm the database no longer holds open is skipped.
 */
export async function applyAlarmTransitions({
  db,
  stay,
  transitions,
  ending,
  provenance,
}: TApplyAlarmTransitions): Promise<TAppliedTransitions> {
  const endedOnLatch: string[] = [];
  // The events are appended after every alarm row is written, in the transitions' order: the first event takes the
  // log-order lock on PostgreSQL, which every node's readings wait for until the commit (docs/deployment.md,
  // "Other-node latency"), so nothing else of the transaction runs under it, and no alarm row is written under it,
  // which could wait for an acknowledgement that holds the row and waits for the lock (deadlock detected;
  // docs/deployment-database.md, "Lock order"). No transition reads an event.
  const events: TAppendAlarmEvent[] =
    ending && ending.ruleIds.length > 0
      ? await endStayRuleAlarms({ db, stayId: stay.id, ruleIds: ending.ruleIds, now: ending.at })
      : [];
  for (const t of transitions) {
    const at = new Date(t.observedAt);
    // One open alarm per rule per stay: an alarm raised while a support ran goes on after its end if its rule still applies.
    const openKey = alarmOpenKey(stay.id, t.ruleId, "");
    const open = await db.alarm.findUnique({
      where: { openKey },
      select: { id: true, status: true, acknowledgedAt: true, raisedAt: true },
    });
    const facts = { value: t.value, limit: t.limit, comparison: t.comparison, unit: t.unit, seq: t.seq };
    const ref = { unitId: stay.unitId, bedId: stay.bedId, ruleId: t.ruleId };

    if (t.type === "raised") {
      const limitOrigin = provenance.get(t.ruleId);
      const values = {
        priority: t.priority,
        messageKey: t.messageKey,
        parameter: t.parameter,
        value: t.value,
        limit: t.limit,
        comparison: t.comparison,
        valueUnit: t.unit,
        // An override's id, else the cited source of the limit (the catalogue's target for anti-Xa).
        limitSource: limitOrigin?.source ?? "default",
        limitSourceRef: limitOrigin && limitOrigin.source.endsWith("override") ? limitOrigin.ref : t.source.id,
        conditionActive: true,
        // A resumed alarm's condition began anew: an elapsed-time alarm counts from it (lib/alarms/prepare-alarms.ts).
        conditionSince: new Date(t.conditionSince),
        details: { prompt: t.prompt, source: t.source.citation },
      };
      if (open && OPEN.includes(open.status)) {
        const status = open.acknowledgedAt ? "acknowledged" : "active";
        const alarm = await db.alarm.update({
          where: { id: open.id },
          data: { ...values, status },
          select: { id: true, status: true },
        });
        events.push({
          db,
          alarm: { ...ref, ...alarm },
          type: "resumed",
          at,
          actor: null,
          context: null,
          details: facts,
        });
        continue;
      }
      const alarm = await db.alarm.create({
        data: {
          id: randomUUID(),
          unitId: stay.unitId,
          bedId: stay.bedId,
          stayId: stay.id,
          episodeId: stay.episodeId,
          ruleId: t.ruleId,
          openKey,
          origin: "engine",
          ...values,
          raisedBySeq: t.seq,
          conditionSince: new Date(t.conditionSince),
          raisedAt: at,
          status: "active",
          lastEventSeq: 0,
        },
        select: { id: true, status: true },
      });
      events.push({
        db,
        alarm: { ...ref, ...alarm },
        type: "raised",
        at,
        actor: null,
        context: null,
        details: facts,
      });
      continue;
    }

    if (!open) continue;
    // The alarm keeps the value that raised it (its message says why it was raised); the clearing value is in the
    // event. A reading older than the raise (a late import) cannot end it before it began.
    const endAt = new Date(Math.max(at.getTime(), open.raisedAt.getTime()));
    const cleared = { conditionActive: false, clearedAt: endAt, clearedBySeq: t.clearedBySeq };
    if (t.latched && open.acknowledgedAt === null) {
      const alarm = await db.alarm.update({
        where: { id: open.id },
        data: { ...cleared, status: "latched" },
        select: { id: true, status: true },
      });
      events.push({
        db,
        alarm: { ...ref, ...alarm },
        type: "latched",
        at: endAt,
        actor: null,
        context: null,
        details: facts,
      });
      continue;
    }
    if (t.latched) endedOnLatch.push(t.ruleId);
    // A withdrawn result's alarm ends however it latched: what raised it is no longer the patient's value.
    const resolution = t.withdrawal ?? (t.supersededBy ? "superseded" : "cleared");
    const alarm = await db.alarm.update({
      where: { id: open.id },
      data: { ...cleared, status: "resolved", openKey: null, resolvedAt: endAt, resolution },
      select: { id: true, status: true },
    });
    events.push({
      db,
      alarm: { ...ref, ...alarm },
      type: t.supersededBy && !t.withdrawal ? "superseded" : "cleared",
      at: endAt,
      actor: null,
      context: null,
      details: { ...facts, supersededBy: t.supersededBy, ...(t.withdrawal ? { withdrawal: t.withdrawal } : {}) },
    });
  }
  for (const event of events) await appendAlarmEvent(event);
  return { endedOnLatch };
}
