import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TPrincipal } from "@/lib/auth/principal";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { holdBeforeCreate, outcome, someoneWaitsForALock } from "@/test/support/hold-transaction";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { seedOpenAlarm, seedTestNurse } from "@/test/support/seed-test-alarm";
import { acknowledgeAlarm } from "./acknowledge-alarm";
import { endAlarmsOfDischargedStays } from "./end-alarms-of-discharged-stays";
import { endAlarmsOfEndedEpisodes } from "./end-alarms-of-ended-episodes";

/*
 * The engine's clock ending several alarms in one transaction (a discharged stay's, an ended support's) beside a
 * nurse acknowledging one of them, on PostgreSQL. The acknowledgement updates its alarm's row, then appends its event, which takes the log-order lock.
 * The clock updated an alarm and appended its event, then updated the next alarm: holding the log-order lock, it
 * waited for the row the acknowledgement held while that waited for the lock ('deadlock detected'). The
 * acknowledgement is held between its row and its event until the clock waits for it, the losing interleaving.
 */
let testDb: TestDb;
let episode: TestEpisode;
let nurse: TPrincipal;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  episode = await seedTestEpisode(testDb.db);
  nurse = await seedTestNurse(testDb.db, episode);
});
afterEach(() => testDb.cleanup());

/**
 * Three open alarms of the stay, the middle one acknowledged while `endAlarms` ends them all: the acknowledgement
 * has updated its alarm's row and is held before its event until the clock waits for that row.
 */
async function endDuringAcknowledgement(endAlarms: () => Promise<unknown>) {
  // The middle one: the clock comes to it after another, in either order it reads them.
  for (const id of ["alarm-1", "alarm-2", "alarm-3"])
    await seedOpenAlarm(testDb.db, episode, { id, ruleId: `test-rule-${id}`, openKey: `test-${id}`, origin: "rounds" });
  const held = holdBeforeCreate(testDb.db, "alarmEvent");
  const acknowledging = acknowledgeAlarm({
    db: held.db,
    principal: nurse,
    input: { alarmId: "alarm-2", reason: "treated" },
    context: null,
    via: "test",
  });
  await held.paused;
  const ending = endAlarms();
  const waited = await someoneWaitsForALock(testDb.db, 5_000);
  held.release();
  const [ended, acknowledged] = await Promise.allSettled([ending, acknowledging]);
  return { waited, ended: outcome(ended), acknowledged: outcome(acknowledged) };
}

describe.runIf(process.env.TEST_DATABASE === "postgres")("the clock ending alarms beside an acknowledgement", () => {
  it("ends a discharged stay's alarms after an acknowledgement of one of them that began before, both committed", async () => {
    await testDb.db.stay.update({
      where: { id: episode.stayId },
      data: { dischargedAt: new Date(), disposition: "death", openBedKey: null, openPatientKey: null },
    });
    const result = await endDuringAcknowledgement(() => endAlarmsOfDischargedStays({ db: testDb.db, now: new Date() }));
    expect(result).toEqual({ waited: true, ended: "committed", acknowledged: "committed" });
    expect(await testDb.db.alarm.count({ where: { status: "resolved", resolution: "discharged" } })).toBe(3);
    expect(await testDb.db.alarmEvent.count({ where: { type: "discharged" } })).toBe(3);
    expect(await testDb.db.alarmEvent.count({ where: { type: "acknowledged" } })).toBe(1);
  }, 30_000);

  it("ends an ended support's alarms after an acknowledgement of one of them that began before, both committed", async () => {
    await testDb.db.supportEpisode.update({
      where: { id: episode.episodeId },
      data: { endedAt: new Date(), endReason: "weaned" },
    });
    const result = await endDuringAcknowledgement(() => endAlarmsOfEndedEpisodes({ db: testDb.db, now: new Date() }));
    expect(result).toEqual({ waited: true, ended: "committed", acknowledged: "committed" });
    expect(await testDb.db.alarm.count({ where: { status: "resolved", resolution: "episode-ended" } })).toBe(3);
    expect(await testDb.db.alarmEvent.count({ where: { type: "episode-ended" } })).toBe(3);
  }, 30_000);
});
