import type { TAudioPause } from "@/lib/alarms/alarm-dto";
import type { Db } from "../client";

/** The unit's AUDIO PAUSED still running at `now`, from its newest audio-paused event; null when none. */
export async function findAudioPause({ db, unitId, now }: { db: Db; unitId: string; now: Date }): Promise<TAudioPause> {
  const event = await db.alarmEvent.findFirst({
    where: { unitId, type: "audio-paused" },
    orderBy: { seq: "desc" },
    select: { details: true, actorId: true },
  });
  if (!event) return null;
  const until = untilOf(event.details);
  if (until === null || until <= now.getTime()) return null;
  const by = event.actorId
    ? await db.user.findUnique({ where: { id: event.actorId }, select: { displayName: true } })
    : null;
  return { until, by: by?.displayName ?? null };
}

/** When an audio-paused event's pause ends, from its details; null when they hold no time. */
export function untilOf(details: unknown): number | null {
  const until = typeof details === "object" && details !== null ? (details as { until?: unknown }).until : undefined;
  return typeof until === "number" ? until : null;
}
