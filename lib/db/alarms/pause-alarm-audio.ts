import { AUDIO_PAUSE_MS, type TAudioPause } from "@/lib/alarms/alarm-dto";
import type { TPrincipal } from "@/lib/auth/principal";
import { actorOf, recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { assertUnitAccess } from "../auth/authorize";
import { announceCommit } from "../changes/announce-commit";
import type { Db } from "../client";
import { toSeq } from "../seq";

export interface TPauseAlarmAudioOptions {
  db: Db;
  principal: TPrincipal;
  unitId: string;
  context: TRequestContext | null;
  via: string;
  now?: Date;
}

/**
 * AUDIO PAUSED on a unit's central station for 2 min (IEC 60601-1-8's usual interval): the screens count down and
 * stay silent meanwhile; the alarms themselves and their flashing are unchanged. A unit-wide AlarmEvent, so that every
 * screen of the unit learns of it by the same replay as alarms; audited.
 */
export async function pauseAlarmAudio({
  db,
  principal,
  unitId,
  context,
  via,
  now = new Date(),
}: TPauseAlarmAudioOptions): Promise<TAudioPause> {
  await assertUnitAccess({
    db,
    principal,
    action: "alarm.pause-audio",
    unitId,
    context,
    target: { type: "unit", id: unitId },
    via,
  });
  const until = now.getTime() + AUDIO_PAUSE_MS;
  await db.$transaction(async (tx) => {
    const event = await tx.alarmEvent.create({
      data: { unitId, type: "audio-paused", at: now, actorId: principal.userId, details: { until } },
      select: { seq: true },
    });
    await recordAuditEvent({
      db: tx,
      action: "alarm.audio-paused",
      actor: actorOf(principal),
      context,
      target: { type: "unit", id: unitId },
      unitId,
      details: { until, eventSeq: toSeq(event.seq) },
      now,
    });
  });
  announceCommit(db);
  return { until, by: principal.displayName };
}
