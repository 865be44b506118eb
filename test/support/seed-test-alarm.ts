import type { TPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { TestEpisode } from "./seed-test-episode";
import { createTestUser } from "./sign-in-test-user";

/** An open, active alarm of the episode's stay, raised an hour ago, as the engine or an outside raiser writes it. */
export async function seedOpenAlarm(
  db: Db,
  episode: TestEpisode,
  { id, ruleId, openKey, origin }: { id: string; ruleId: string; openKey: string; origin: "engine" | "rounds" },
): Promise<void> {
  const raisedAt = new Date(Date.now() - 3_600_000);
  await db.alarm.create({
    data: {
      id,
      unitId: episode.unitId,
      bedId: episode.bedId,
      stayId: episode.stayId,
      episodeId: episode.episodeId,
      ruleId,
      openKey,
      origin,
      priority: "medium",
      messageKey: "alarm.test",
      limitSource: "default",
      conditionSince: raisedAt,
      raisedAt,
      status: "active",
      lastEventSeq: 0,
    },
  });
}

/** A signed-in nurse of the episode's unit, as acknowledgeAlarm receives the principal. */
export async function seedTestNurse(db: Db, episode: TestEpisode): Promise<TPrincipal> {
  const user = await createTestUser(db, { role: "nurse", unitIds: [episode.unitId] });
  return {
    userId: user.userId,
    username: user.username,
    displayName: "Test nurse",
    role: "nurse",
    unitIds: [episode.unitId],
    idleTimeoutMinutes: null,
    sessionId: "test-session",
  };
}
