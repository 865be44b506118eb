import { afterEach, describe, expect, it } from "vitest";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { TRole } from "@/lib/auth/roles";
import type { TReadingInput } from "@/lib/observations/reading";
import type { TAlarmCommandAnswer, TAlarmReplayAnswer, TAlarmsChanged, TPauseAudioAnswer } from "@/lib/realtime/events";
import { raiseExternalAlarm } from "@/lib/db/alarms/raise-external-alarm";
import { setAlarmLimitOverride } from "@/lib/db/alarms/set-alarm-limit-override";
import type { Db } from "@/lib/db/client";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const waitFor = async <T>(find: () => T | undefined, ms = 10_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

let n = 0;
const reading = (world: TestEpisode, parameter: string, value: number, unit: string, agoMs: number): TReadingInput => ({
  episodeId: world.episodeId,
  parameter,
  value,
  unit,
  observedAt: new Date(Date.now() - agoMs),
  source: "device",
  sourceRef: `alarm-test-${process.pid}-${++n}`,
});

interface TWorld {
  test: TestDb;
  world: TestEpisode;
  station: TTestStation;
}

async function startWorld(existing?: TestDb): Promise<TWorld> {
  const test = existing ?? (await createTestDb());
  const world = existing
    ? { unitId: "test-unit-1", bedId: "test-bed-1", episodeId: "test-episode-1", stayId: "test-stay-1" }
    : await seedTestEpisode(test.db);
  const station = await startTestStation({ db: test.db, alarmTickMs: 0, alarmStartupGraceMs: 0 });
  cleanups.push(() => station.close());
  if (!existing) cleanups.push(() => test.cleanup());
  return { test, world, station };
}

/** A screen of the unit following its alarms: every `alarm:changed`, and the replay on connect. */
async function screen({ station, world }: TWorld, user: TTestSession) {
  const socket: TestSocket = connectTestSocket(station.base, { cookie: user.cookie });
  cleanups.push(() => void socket.close());
  const changes: TAlarmsChanged[] = [];
  socket.on("alarm:changed", (c) => changes.push(c));
  expect(await handshake(socket)).toEqual({ connected: true });
  const replay = await new Promise<TAlarmReplayAnswer>((resolve) =>
    socket.emit("alarm:subscribe", { unitId: world.unitId, sinceSeq: 0 }, resolve),
  );
  const latest = (ruleId: string) =>
    changes
      .flatMap((c) => c.alarms)
      .filter((a) => a.ruleId === ruleId)
      .sort((a, b) => b.lastEventSeq - a.lastEventSeq)[0];
  return {
    socket,
    changes,
    replay,
    latest,
    acknowledge: (alarmId: string, reason = "treated", comment?: string) =>
      new Promise<TAlarmCommandAnswer>((resolve) =>
        socket.emit(
          "alarm:acknowledge",
          { alarmId, reason: reason as "treated", ...(comment ? { comment } : {}) },
          resolve,
        ),
      ),
  };
}

const lactate = async ({ station, world }: TWorld, value: number) => {
  const [result] = await station.server.writer.submit([reading(world, "lactate", value, "mmol/L", 1_000)]);
  if (result?.status !== "stored") throw new Error(`not stored: ${JSON.stringify(result)}`);
  return result.seq;
};

const userOf = (db: Db, world: TestEpisode, role: TRole) => signInTestUser(db, { role, unitIds: [world.unitId] });

describe("the alarm engine", () => {
  it("raises an alarm on a committed reading, stores it with that reading, and a screen hears it with value and limit", async () => {
    const w = await startWorld();
    const nurse = await screen(w, await userOf(w.test.db, w.world, "nurse"));
    const seq = await lactate(w, 4.6);
    const alarm = await waitFor(() => nurse.latest("lactate-high"));
    expect(alarm).toMatchObject({
      status: "active",
      priority: "high",
      value: 4.6,
      limit: 4,
      comparison: "gte",
      valueUnit: "mmol/L",
      messageKey: "lactateHigh",
      limitSource: "default",
    });
    const row = await w.test.db.alarm.findUniqueOrThrow({ where: { id: alarm.id } });
    expect(row.raisedBySeq).toBe(BigInt(seq));
    // The medium rule of the family is superseded, not left standing beside the high one.
    expect(await w.test.db.alarm.count({ where: { ruleId: "lactate-medium", status: { not: "resolved" } } })).toBe(0);
    expect(await w.test.db.auditEvent.count({ where: { action: "alarm.raised", targetId: alarm.id } })).toBe(1);
  });

  it("does not raise on a value just under the limit, nor on a device spike shorter than the validation delay", async () => {
    const w = await startWorld();
    await lactate(w, 1.9);
    // ECMO flow 1.5 L/min for 10 s (three readings 5 s apart), then back: under the 15 s validation delay.
    await w.station.server.writer.submit([
      reading(w.world, "ecmo_flow", 1.5, "L/min", 20_000),
      reading(w.world, "ecmo_flow", 1.5, "L/min", 15_000),
      reading(w.world, "ecmo_flow", 1.5, "L/min", 10_000),
      reading(w.world, "ecmo_flow", 3.5, "L/min", 5_000),
    ]);
    await w.station.server.settled();
    expect(await w.test.db.alarm.count()).toBe(0);
  });

  it("lets a nurse, a physician and a perfusionist acknowledge with a reason, recorded and audited; refuses an admin and a display", async () => {
    const w = await startWorld();
    const outcomes: Record<string, { ok: boolean; code?: string }> = {};
    const acknowledgedBy = new Map<string, TAlarmDto>();
    for (const role of ["nurse", "physician", "perfusionist", "admin", "display"] as const) {
      const user = await userOf(w.test.db, w.world, role);
      const s = await screen(w, user);
      // Each role gets an alarm of its own: an outside raiser's, which the engine leaves alone.
      const { alarmId } = await raiseExternalAlarm({
        db: w.test.db,
        input: {
          episodeId: w.world.episodeId,
          ruleId: "test-finding",
          subjectKey: role,
          priority: "medium",
          messageKey: "roundAbnormalFinding",
          summary: { en: role, fr: role },
        },
        actor: null,
        context: null,
        origin: "rounds",
      });
      const answer = await s.acknowledge(alarmId, "artefact");
      outcomes[role] = answer.ok ? { ok: true } : { ok: false, code: answer.error.code };
      if (answer.ok) acknowledgedBy.set(role, answer.alarm);
      const row = await w.test.db.alarm.findUniqueOrThrow({ where: { id: alarmId } });
      if (answer.ok) {
        expect(row).toMatchObject({
          status: "acknowledged",
          acknowledgedById: user.userId,
          acknowledgedReason: "artefact",
        });
        expect(
          await w.test.db.auditEvent.count({
            where: { action: "alarm.acknowledged", actorId: user.userId, targetId: alarmId },
          }),
        ).toBe(1);
        expect(
          await w.test.db.alarmEvent.count({ where: { alarmId, type: "acknowledged", actorId: user.userId } }),
        ).toBe(1);
      } else {
        expect(row.acknowledgedAt).toBeNull();
        expect(await w.test.db.auditEvent.count({ where: { action: "access.denied", actorId: user.userId } })).toBe(1);
      }
    }
    expect(outcomes).toEqual({
      nurse: { ok: true },
      physician: { ok: true },
      perfusionist: { ok: true },
      admin: { ok: false, code: "FORBIDDEN" },
      display: { ok: false, code: "FORBIDDEN" },
    });
    expect(acknowledgedBy.get("physician")?.acknowledgedBy).toMatch(/^Test physician/);
  });

  it("refuses an acknowledgement without a comment when the reason is other, or of an alarm already acknowledged", async () => {
    const w = await startWorld();
    const nurse = await screen(w, await userOf(w.test.db, w.world, "nurse"));
    await lactate(w, 4.6);
    const alarm = await waitFor(() => nurse.latest("lactate-high"));
    expect(await nurse.acknowledge(alarm.id, "other")).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    expect(await nurse.acknowledge(alarm.id, "other", "Sample drawn from the wrong line")).toMatchObject({
      ok: true,
      alarm: { status: "acknowledged", acknowledgedComment: "Sample drawn from the wrong line" },
    });
    expect(await nurse.acknowledge(alarm.id, "treated")).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", reason: { key: "alarmAlreadyAcknowledged" } },
    });
  });

  it("keeps an acknowledged alarm until its condition clears, then resolves it", async () => {
    const w = await startWorld();
    const nurse = await screen(w, await userOf(w.test.db, w.world, "nurse"));
    await lactate(w, 4.6);
    const raised = await waitFor(() => nurse.latest("lactate-high"));
    await nurse.acknowledge(raised.id);
    await waitFor(() => (nurse.latest("lactate-high")?.status === "acknowledged" ? true : undefined));
    await lactate(w, 1.2);
    const cleared = await waitFor(() =>
      nurse.latest("lactate-high")?.status === "resolved" ? nurse.latest("lactate-high") : undefined,
    );
    expect(cleared).toMatchObject({ resolution: "cleared", acknowledgedReason: "treated" });
  });

  it("latches a latching alarm when its condition clears, until someone acknowledges it", async () => {
    const w = await startWorld();
    const nurse = await screen(w, await userOf(w.test.db, w.world, "nurse"));
    // ECMO flow < 2 for 20 s, then back to 3.5: the dip must stay on the screen until seen.
    await w.station.server.writer.submit(
      [0, 1, 2, 3, 4].map((i) => reading(w.world, "ecmo_flow", 1.6, "L/min", 40_000 - i * 5_000)),
    );
    await w.station.server.writer.submit([reading(w.world, "ecmo_flow", 3.5, "L/min", 5_000)]);
    const latched = await waitFor(() =>
      nurse.latest("ecmo-flow-low")?.status === "latched" ? nurse.latest("ecmo-flow-low") : undefined,
    );
    expect(latched.conditionActive).toBe(false);
    expect(await nurse.acknowledge(latched.id, "treated")).toMatchObject({
      ok: true,
      alarm: { status: "resolved", resolution: "acknowledged" },
    });
  });

  it("replays to a screen the alarms changed after its last seq, and nothing it already has", async () => {
    const w = await startWorld();
    await lactate(w, 4.6);
    await w.station.server.settled();
    const nurse = await screen(w, await userOf(w.test.db, w.world, "nurse"));
    if (!nurse.replay.ok) throw new Error(nurse.replay.error.message);
    expect(nurse.replay.alarms.map((a) => [a.ruleId, a.status])).toEqual(
      expect.arrayContaining([["lactate-high", "active"]]),
    );
    const again = await new Promise<TAlarmReplayAnswer>((resolve) =>
      nurse.socket.emit(
        "alarm:subscribe",
        { unitId: w.world.unitId, sinceSeq: nurse.replay.ok ? nurse.replay.lastSeq : 0 },
        resolve,
      ),
    );
    expect(again).toMatchObject({ ok: true, alarms: [] });
  });

  it("resumes after a restart from the stored state: the alarm raised before clears on the first reading after", async () => {
    const test = await createTestDb();
    cleanups.push(() => test.cleanup());
    const world = await seedTestEpisode(test.db);
    const first = await startTestStation({ db: test.db, alarmTickMs: 0, alarmStartupGraceMs: 0 });
    await first.server.writer.submit([reading(world, "lactate", 4.6, "mmol/L", 2_000)]);
    await first.server.settled();
    await first.close();
    expect(await test.db.alarm.count({ where: { ruleId: "lactate-high", status: "active" } })).toBe(1);
    const stored = await test.db.alarmEngineState.findUniqueOrThrow({ where: { stayId: world.stayId } });
    expect(stored.lastSeq).toBeGreaterThan(0);

    const second = await startWorld(test);
    await second.station.server.writer.submit([reading(world, "lactate", 1.0, "mmol/L", 1_000)]);
    await second.station.server.settled();
    const alarm = await test.db.alarm.findFirstOrThrow({ where: { ruleId: "lactate-high" } });
    expect(alarm).toMatchObject({ status: "resolved", resolution: "cleared" });
  });

  it("judges against a patient's own limit once a physician sets it, and says the limit came from that override", async () => {
    const w = await startWorld();
    const physician = await userOf(w.test.db, w.world, "physician");
    const principal = {
      userId: physician.userId,
      username: physician.username,
      displayName: "Dr Test",
      role: physician.role,
      unitIds: [w.world.unitId],
      idleTimeoutMinutes: 30,
      sessionId: "s",
    };
    const { id } = await setAlarmLimitOverride({
      db: w.test.db,
      principal,
      input: {
        ruleId: "lactate-high",
        scope: "episode",
        unitId: w.world.unitId,
        episodeId: w.world.episodeId,
        limits: { value: 5 },
        reason: "Metformin: lactate runs high",
      },
      context: null,
      via: "test",
    });
    await lactate(w, 4.6);
    await w.station.server.settled();
    expect(await w.test.db.alarm.count({ where: { ruleId: "lactate-high" } })).toBe(0);
    await lactate(w, 5.2);
    await w.station.server.settled();
    expect(await w.test.db.alarm.findFirst({ where: { ruleId: "lactate-high" } })).toMatchObject({
      limit: 5,
      limitSource: "episode-override",
      limitSourceRef: id,
    });
  });

  it("raises what only time can tell on the clock: an anti-Xa not measured for 12 h", async () => {
    const w = await startWorld();
    await w.station.server.alarms?.tick();
    const alarm = await w.test.db.alarm.findFirst({ where: { ruleId: "anti-xa-overdue" } });
    expect(alarm).toMatchObject({ status: "active", priority: "medium", valueUnit: "ms", limit: 12 * 3_600_000 });
  });

  it("broadcasts an alarm raised outside the engine (a round) and AUDIO PAUSED to every screen of the unit", async () => {
    const w = await startWorld();
    const nurse = await screen(w, await userOf(w.test.db, w.world, "nurse"));
    await raiseExternalAlarm({
      db: w.test.db,
      input: {
        episodeId: w.world.episodeId,
        ruleId: "round-abnormal-finding",
        subjectKey: "left-leg",
        priority: "low",
        messageKey: "roundAbnormalFinding",
        summary: { en: "Left leg: cold", fr: "Jambe gauche : froide" },
      },
      actor: null,
      context: null,
      origin: "rounds",
    });
    expect(await waitFor(() => nurse.latest("round-abnormal-finding"))).toMatchObject({
      priority: "low",
      summary: { en: "Left leg: cold" },
    });
    const paused = await new Promise<TPauseAudioAnswer>((resolve) =>
      nurse.socket.emit("alarm:pause-audio", { unitId: w.world.unitId }, resolve),
    );
    expect(paused).toMatchObject({ ok: true, audioPause: { by: expect.stringMatching(/^Test nurse/) as unknown } });
    const heard = await waitFor(() => nurse.changes.find((c) => c.audioPause)?.audioPause);
    expect(heard?.until).toBeGreaterThan(Date.now() + 100_000);
  });

  it("sends an alarm to the bed view following the bed's room, which marks it on the trends", async () => {
    const w = await startWorld();
    const user = await userOf(w.test.db, w.world, "nurse");
    const socket: TestSocket = connectTestSocket(w.station.base, { cookie: user.cookie });
    cleanups.push(() => void socket.close());
    const changes: TAlarmsChanged[] = [];
    socket.on("alarm:changed", (c) => changes.push(c));
    expect(await handshake(socket)).toEqual({ connected: true });
    await new Promise((resolve) => socket.emit("bed:subscribe", { bedId: w.world.bedId, sinceSeq: 0 }, resolve));
    await lactate(w, 4.6);
    const alarm = await waitFor(() => changes.flatMap((c) => c.alarms).find((a) => a.ruleId === "lactate-high"));
    expect(alarm).toMatchObject({ bedId: w.world.bedId, priority: "high", status: "active" });
  });
});
