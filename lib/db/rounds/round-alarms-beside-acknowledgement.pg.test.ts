import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TPrincipal } from "@/lib/auth/principal";
import { itemsAsked } from "@/lib/rounds/answers";
import { DEFAULT_ROUND_TEMPLATES } from "@/lib/rounds/default-templates";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { holdBeforeCreate, outcome, someoneWaitsForALock } from "@/test/support/hold-transaction";
import { seedTestNurse } from "@/test/support/seed-test-alarm";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { acknowledgeAlarm } from "../alarms/acknowledge-alarm";
import { installDefaultRoundTemplates } from "./install-default-round-templates";
import { signRound } from "./sign-round";
import { ROUND_FINDING_RULE } from "./sync-round-alarms";

/*
 * A round signed at the bedside while a nurse at the station acknowledges the alarm of the bed's last abnormal
 * finding, which the round finds normal again, on PostgreSQL. The acknowledgement updates the alarm's row, then
 * appends its event, which takes the log-order lock. The round inserted its numbers (urine output, helium: their
 * INSERT takes the log-order lock), then cleared the alarm: holding the lock, it waited for the row the
 * acknowledgement held while that waited for the lock ('deadlock detected'). The acknowledgement is held between its
 * row and its event until the round waits for it, the losing interleaving.
 */
let testDb: TestDb;
let world: TestEpisode;
let nurse: TPrincipal;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  world = await seedTestEpisode(testDb.db, { deviceType: "IABP" });
  await installDefaultRoundTemplates({ db: testDb.db });
  nurse = await seedTestNurse(testDb.db, world);
});
afterEach(() => testDb.cleanup());

/** Round `roundId`: every item of the IABP checklist answered as on a quiet hour (its numbers 45), but `overrides`. */
function signIabpRound(roundId: string, overrides: Record<string, { value: string; comment?: string }> = {}) {
  const asked = itemsAsked(DEFAULT_ROUND_TEMPLATES.IABP.items, ["hourly", "shift", "daily"]);
  const quiet = (type: string) =>
    type === "check" ? "done" : type === "normal_abnormal" ? "normal" : type === "choice" ? "present" : "45";
  return signRound({
    db: testDb.db,
    input: {
      roundId,
      bedId: world.bedId,
      episodeId: world.episodeId,
      templateId: "IABP-v1",
      frequencies: ["hourly", "shift", "daily"],
      answers: asked.map((item) => ({
        itemId: item.itemId,
        ...(overrides[item.itemId] ?? { value: quiet(item.type) }),
      })),
    },
    actor: { userId: nurse.userId, username: nurse.username, role: nurse.role },
    context: null,
  });
}

describe.runIf(process.env.TEST_DATABASE === "postgres")("a round signed beside an acknowledgement", () => {
  it("clears the finding's alarm after an acknowledgement of it that began before, both committed", async () => {
    await signIabpRound(randomUUID(), { "leg_left.pulse": { value: "weak", comment: "Cool left foot" } });
    const alarm = await testDb.db.alarm.findFirstOrThrow({ where: { ruleId: ROUND_FINDING_RULE } });
    expect(alarm).toMatchObject({ subjectKey: "leg_left.pulse", status: "active" });

    const held = holdBeforeCreate(testDb.db, "alarmEvent");
    const acknowledging = acknowledgeAlarm({
      db: held.db,
      principal: nurse,
      input: { alarmId: alarm.id, reason: "treated" },
      context: null,
      via: "test",
    });
    await held.paused;
    // The next round finds the pulse normal again, with its numbers.
    const roundId = randomUUID();
    const signing = signIabpRound(roundId);
    const waited = await someoneWaitsForALock(testDb.db, 5_000);
    held.release();
    const [signed, acknowledged] = await Promise.allSettled([signing, acknowledging]);
    expect({ waited, signed: outcome(signed), acknowledged: outcome(acknowledged) }).toEqual({
      waited: true,
      signed: "committed",
      acknowledged: "committed",
    });

    // The round committed whole: its numbers with it.
    const numbers = await testDb.db.observation.findMany({ where: { sourceRef: { startsWith: `${roundId}/` } } });
    expect(numbers.map((o) => o.parameter).sort()).toEqual(["helium_level", "urine_output"]);
    expect(await testDb.db.alarm.findUniqueOrThrow({ where: { id: alarm.id } })).toMatchObject({
      status: "resolved",
      resolution: "cleared",
      acknowledgedById: nurse.userId,
    });
    const events = await testDb.db.alarmEvent.findMany({ where: { alarmId: alarm.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["raised", "acknowledged", "cleared"]);
  }, 30_000);
});
