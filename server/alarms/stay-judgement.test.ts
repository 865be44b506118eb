import { afterEach, describe, expect, it } from "vitest";
import type { TParameterCode } from "@/lib/catalogue";
import type { TAlarmCommandAnswer, TAlarmsChanged } from "@/lib/realtime/events";
import { dischargeStay } from "@/lib/db/stays/discharge-stay";
import { endEpisode } from "@/lib/db/stays/end-episode";
import { connectTestSocket, handshake } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

/**
 * The engine judges the whole stay (issue 15): a reading with no support running is judged by the rules of the whole
 * stay, a device's rules only while its support runs; an ended support ends its rules' alarms and leaves the others
 * open; a discharge ends every open alarm of the stay. Real SQLite, the real writer, change feed and engine.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface TWorld {
  test: TestDb;
  world: TestEpisode;
  station: TTestStation;
}

async function startWorld(deviceType: "IABP" | "VA_ECMO" = "IABP"): Promise<TWorld> {
  const test = await createTestDb();
  cleanups.push(() => test.cleanup());
  const world = await seedTestEpisode(test.db, { deviceType });
  const station = await startTestStation({ db: test.db, alarmTickMs: 0, alarmStartupGraceMs: 0 });
  cleanups.push(() => station.close());
  return { test, world, station };
}

let n = 0;
/** Stores readings as the write path does once it found the stay (and the episode running, or none: null). */
async function record(
  w: TWorld,
  episodeId: string | null,
  parameter: TParameterCode,
  unit: string,
  values: readonly (readonly [value: number, agoMs: number])[],
): Promise<void> {
  const results = await w.station.server.writer.submitValid(
    values.map(([value, agoMs]) => ({
      episodeId,
      stayId: w.world.stayId,
      bedId: w.world.bedId,
      unitId: w.world.unitId,
      parameter,
      value,
      unit,
      observedAt: new Date(Date.now() - agoMs),
      source: "hl7" as const,
      sourceRef: `stay-judgement-${process.pid}-${++n}`,
    })),
  );
  if (results.some((r) => r.status !== "stored")) throw new Error(`not stored: ${JSON.stringify(results)}`);
  await w.station.server.settled();
}

async function tick(w: TWorld): Promise<void> {
  await w.station.server.alarms?.tick();
  await w.station.server.settled();
}

/** Ends the support `agoMs` before now (0: now), then lets the engine's clock see it. */
async function endSupport(w: TWorld, agoMs = 60_000): Promise<void> {
  await endEpisode({
    db: w.test.db,
    input: { episodeId: w.world.episodeId, reason: "weaned", endedAt: agoMs === 0 ? null : Date.now() - agoMs },
    actor: null,
    context: null,
  });
  await tick(w);
}

const waitFor = async <T>(find: () => T | undefined, ms = 10_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

const alarmsOf = (w: TWorld, ruleId: string) =>
  w.test.db.alarm.findMany({ where: { ruleId }, orderBy: { raisedAt: "asc" }, include: { events: true } });

describe("the engine judging a stay", () => {
  it("raises a high lactate of an admitted patient with no support running, an alarm of the stay with no episode", async () => {
    const w = await startWorld();
    await endSupport(w);
    await record(w, null, "lactate", "mmol/L", [[6, 10_000]]);
    const [high] = await alarmsOf(w, "lactate-high");
    expect(high).toMatchObject({ status: "active", value: 6, stayId: w.world.stayId, episodeId: null });
    // The station's snapshot lists it under the patient's bed.
    const open = await w.test.db.alarm.findMany({ where: { unitId: w.world.unitId, status: "active" } });
    expect(open.map((a) => [a.bedId, a.ruleId])).toContainEqual([w.world.bedId, "lactate-high"]);
  });

  it("tells the unit's screens of an alarm with no episode, which a nurse acknowledges there", async () => {
    const w = await startWorld();
    await endSupport(w);
    const nurse = await signInTestUser(w.test.db, { role: "nurse", unitIds: [w.world.unitId] });
    const socket = connectTestSocket(w.station.base, { cookie: nurse.cookie });
    cleanups.push(() => void socket.close());
    const changes: TAlarmsChanged[] = [];
    socket.on("alarm:changed", (c) => changes.push(c));
    expect(await handshake(socket)).toEqual({ connected: true });
    await new Promise((resolve) => socket.emit("alarm:subscribe", { unitId: w.world.unitId, sinceSeq: 0 }, resolve));

    await record(w, null, "lactate", "mmol/L", [[6, 10_000]]);
    const alarm = await waitFor(() => changes.flatMap((c) => c.alarms).find((a) => a.ruleId === "lactate-high"));
    expect(alarm).toMatchObject({ bedId: w.world.bedId, stayId: w.world.stayId, episodeId: null, value: 6 });

    const answer = await new Promise<TAlarmCommandAnswer>((resolve) =>
      socket.emit("alarm:acknowledge", { alarmId: alarm.id, reason: "treated" }, resolve),
    );
    expect(answer).toMatchObject({ ok: true });
    expect(await alarmsOf(w, "lactate-high")).toMatchObject([{ status: "acknowledged", episodeId: null }]);
  });

  it("judges a limb check after the balloon's removal, and no IABP rule", async () => {
    const w = await startWorld("IABP");
    await endSupport(w);
    // A helium level below 20 % would raise helium-low while the balloon runs; the balloon is out.
    await record(w, null, "helium_level", "%", [[10, 20_000]]);
    // Left leg NIRS 40 % for 20 s (the rule's 15 s validation delay), after the removal.
    await record(w, null, "nirs_left", "%", [
      [40, 25_000],
      [40, 20_000],
      [40, 15_000],
      [40, 10_000],
      [40, 5_000],
    ]);
    expect(await alarmsOf(w, "helium-low")).toEqual([]);
    expect(await alarmsOf(w, "nirs-left-low")).toMatchObject([{ status: "active", episodeId: null }]);
  });

  it("still raises the IABP rule while the balloon runs", async () => {
    const w = await startWorld("IABP");
    await record(w, w.world.episodeId, "helium_level", "%", [[10, 5_000]]);
    expect(await alarmsOf(w, "helium-low")).toMatchObject([{ status: "active", episodeId: w.world.episodeId }]);
  });

  it("ends the support's own alarms with it and keeps the lactate alarm open, then ends it at discharge", async () => {
    const w = await startWorld("IABP");
    await record(w, w.world.episodeId, "helium_level", "%", [[10, 6_000]]);
    await record(w, w.world.episodeId, "lactate", "mmol/L", [[6, 5_000]]);
    expect(await alarmsOf(w, "helium-low")).toMatchObject([{ status: "active" }]);
    expect(await alarmsOf(w, "lactate-high")).toMatchObject([{ status: "active", episodeId: w.world.episodeId }]);

    await endSupport(w, 0);
    const [helium] = await alarmsOf(w, "helium-low");
    expect(helium).toMatchObject({ status: "resolved", resolution: "episode-ended" });
    expect(helium?.events.map((e) => e.type)).toContain("episode-ended");
    expect(await alarmsOf(w, "lactate-high")).toMatchObject([{ status: "active" }]);
    // A later tick leaves it alone: its rule still applies without the support.
    await tick(w);
    expect(await alarmsOf(w, "lactate-high")).toMatchObject([{ status: "active" }]);

    await dischargeStay({
      db: w.test.db,
      input: { stayId: w.world.stayId, disposition: "ward" },
      actor: null,
      context: null,
    });
    await tick(w);
    const [lactate] = await alarmsOf(w, "lactate-high");
    expect(lactate).toMatchObject({ status: "resolved", resolution: "discharged", openKey: null });
    expect(lactate?.events.map((e) => e.type)).toContain("discharged");
    expect(await w.test.db.alarm.count({ where: { stayId: w.world.stayId, status: { not: "resolved" } } })).toBe(0);
  });

  it("clears a stay's lactate alarm on a normal value after the support ended", async () => {
    const w = await startWorld("VA_ECMO");
    await record(w, w.world.episodeId, "lactate", "mmol/L", [[6, 5 * 60_000]]);
    await endSupport(w, 2 * 60_000);
    await record(w, null, "lactate", "mmol/L", [[1.1, 1_000]]);
    expect(await alarmsOf(w, "lactate-high")).toMatchObject([{ status: "resolved", resolution: "cleared" }]);
  });
});
