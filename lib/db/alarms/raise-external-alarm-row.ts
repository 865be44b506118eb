import { randomUUID } from "node:crypto";
import { alarmOpenKey, type TRaiseExternalAlarm, ZRaiseExternalAlarmSchema } from "@/lib/alarms/external-alarm-schema";
import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { lockStayPlace } from "../stays/lock-stay-place";
import type { AlarmOrigin } from "../generated/enums";
import { AppError } from "../../errors/app-error";
import type { TAlarmDb, TAppendAlarmEvent } from "./append-alarm-event";
import { alarmInputError } from "./alarm-input-error";

export interface TRaiseExternalAlarmOptions {
  /** The raiser's own transaction (or the client): the alarm commits with the finding that raised it. */
  db: TAlarmDb & Pick<Db, "supportEpisode" | "stay" | "$queryRaw">;
  input: TRaiseExternalAlarm;
  /** Who recorded the finding; null for an automatic raiser. */
  actor: TAuditActor | null;
  context: TRequestContext | null;
  /** Which feature raises it ("rounds"): stored as the alarm's origin. */
  origin: AlarmOrigin;
  now?: Date;
}

export interface TRaisedExternalAlarmRow {
  alarmId: string;
  /** The AlarmEvent that announces it, for the caller to append; null when the same alarm was already open. */
  event: TAppendAlarmEvent | null;
}

const ENGINE_RULE_IDS = new Set(DEFAULT_ALARM_RULES.map((r) => r.id));

/**
 * The alarm row of raiseExternalAlarm, without its event: the caller that writes several alarms in one transaction
 * writes every row first and appends their events after the last one (and after its readings): the first event takes
 * the log-order lock, and a transaction holding it must not then wait for a row, which an acknowledgement or a move of
 * the stay holds while it waits for that lock (docs/deployment-database.md, "Lock order"). Idempotent on (episode or
 * stay, rule, subject): while that alarm is open, raising it again writes nothing and answers no event.
 */
export async function raiseExternalAlarmRow({
  db,
  input,
  actor,
  context,
  origin,
  now = new Date(),
}: TRaiseExternalAlarmOptions): Promise<TRaisedExternalAlarmRow> {
  const parsed = ZRaiseExternalAlarmSchema.safeParse(input);
  if (!parsed.success) throw alarmInputError("alarm", parsed.error);
  const alarm = parsed.data;
  if (ENGINE_RULE_IDS.has(alarm.ruleId) || origin === "engine") {
    throw new AppError(
      "INVALID_INPUT",
      `rule "${alarm.ruleId}" belongs to the alarm engine: an outside raiser needs its own rule id`,
    );
  }
  const scope =
    alarm.stayId === undefined ? await episodeScope(db, alarm.episodeId ?? "") : await stayScope(db, alarm.stayId);

  const openKey = alarmOpenKey(scope.scopeId, alarm.ruleId, alarm.subjectKey);
  const open = await db.alarm.findUnique({ where: { openKey }, select: { id: true } });
  if (open) return { alarmId: open.id, event: null };

  const created = await db.alarm.create({
    data: {
      id: randomUUID(),
      unitId: scope.unitId,
      bedId: scope.bedId,
      stayId: scope.stayId,
      episodeId: scope.episodeId,
      ruleId: alarm.ruleId,
      subjectKey: alarm.subjectKey,
      openKey,
      origin,
      priority: alarm.priority,
      messageKey: alarm.messageKey,
      limitSource: "external",
      conditionSince: now,
      raisedAt: now,
      status: "active",
      details: { summary: alarm.summary, refs: alarm.refs },
      // Set to the raise's event when the caller appends it, in the same transaction.
      lastEventSeq: 0,
    },
    select: { id: true, unitId: true, bedId: true, ruleId: true, status: true },
  });
  return {
    alarmId: created.id,
    event: {
      db,
      alarm: created,
      type: "raised",
      at: now,
      actor,
      context,
      details: { origin, priority: alarm.priority, subjectKey: alarm.subjectKey },
    },
  };
}

interface TScope {
  /** The id its open key is scoped by: the episode's, or the stay's. */
  scopeId: string;
  unitId: string;
  bedId: string;
  stayId: string;
  /** The support running when it is raised, if any. */
  episodeId: string | null;
}

async function episodeScope(db: Pick<Db, "supportEpisode" | "stay" | "$queryRaw">, episodeId: string): Promise<TScope> {
  // The episode's stay never changes; its bed does, with a move.
  const owner = await db.supportEpisode.findUnique({ where: { id: episodeId }, select: { stayId: true } });
  // Waits for a move of the stay under way before its bed is read (read before, the alarm went to the bed the
  // patient had just left).
  if (owner) await lockStayPlace(db, owner.stayId);
  const episode = await db.supportEpisode.findUnique({
    where: { id: episodeId },
    select: { bedId: true, stayId: true, endedAt: true, bed: { select: { unitId: true } } },
  });
  if (!episode) throw new AppError("NOT_FOUND", `no support episode "${episodeId}"`);
  if (episode.endedAt !== null)
    throw new AppError("CONFLICT", `support episode "${episodeId}" has ended: no alarm can be raised on it`);
  return { scopeId: episodeId, unitId: episode.bed.unitId, bedId: episode.bedId, stayId: episode.stayId, episodeId };
}

async function stayScope(db: Pick<Db, "stay" | "$queryRaw">, stayId: string): Promise<TScope> {
  // As above: a move under way first, then the bed.
  await lockStayPlace(db, stayId);
  const stay = await db.stay.findUnique({
    where: { id: stayId },
    select: {
      unitId: true,
      bedId: true,
      dischargedAt: true,
      episodes: { where: { endedAt: null }, select: { id: true }, take: 1 },
    },
  });
  if (!stay) throw new AppError("NOT_FOUND", `no stay "${stayId}"`);
  if (stay.dischargedAt !== null)
    throw new AppError("CONFLICT", `stay "${stayId}" has been discharged: no alarm can be raised on it`);
  return { scopeId: stayId, unitId: stay.unitId, bedId: stay.bedId, stayId, episodeId: stay.episodes[0]?.id ?? null };
}
