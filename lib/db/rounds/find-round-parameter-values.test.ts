import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { findRoundParameterValues } from "./find-round-parameter-values";

let t: TestDb;
let world: TestEpisode;
beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db, { startedAt: new Date(NOW - 86_400_000) });
});
afterEach(async () => {
  await t.cleanup();
});

const NOW = Date.parse("2026-01-15T11:00:00Z");
const MIN = 60_000;

async function reading(seq: number, value: number, source: "device" | "round", at: number) {
  await t.db.observation.create({
    data: {
      seq,
      episodeId: world.episodeId,
      stayId: world.stayId,
      bedId: world.bedId,
      unitId: world.unitId,
      parameter: "dpc_flow",
      value,
      unit: "mL/min",
      observedAt: new Date(at),
      receivedAt: new Date(at),
      source,
      sourceRef: `ref-${seq}`,
    },
  });
}

async function alarmRaisedBy(seq: number) {
  await t.db.alarm.create({
    data: {
      id: `a-${seq}`,
      unitId: world.unitId,
      bedId: world.bedId,
      stayId: world.stayId,
      episodeId: world.episodeId,
      ruleId: "dpc-flow-low",
      origin: "engine",
      priority: "high",
      messageKey: "dpcFlowLow",
      parameter: "dpc_flow",
      value: 84,
      limit: 100,
      comparison: "lt",
      valueUnit: "mL/min",
      limitSource: "default",
      raisedBySeq: seq,
      conditionSince: new Date(NOW - 5 * MIN),
      raisedAt: new Date(NOW - 5 * MIN),
      status: "active",
      lastEventSeq: 0,
    },
  });
}

describe("the newest value of a round's parameters", () => {
  it("is the newest reading whoever recorded it, with the device reading's open alarm", async () => {
    await reading(1, 240, "round", NOW - 3 * 60 * MIN);
    await reading(2, 84, "device", NOW - 2 * MIN);
    await alarmRaisedBy(2);
    const values = await findRoundParameterValues({
      db: t.db,
      stayId: world.stayId,
      episodeId: world.episodeId,
      parameters: ["dpc_flow"],
    });
    expect(values).toEqual({
      dpc_flow: {
        value: 84,
        unit: "mL/min",
        source: "device",
        at: NOW - 2 * MIN,
        measuredAlarm: { value: 84, unit: "mL/min" },
      },
    });
  });

  it("names no measured alarm when a typed value raised it, and nothing for a parameter never recorded", async () => {
    await reading(1, 84, "round", NOW - 2 * MIN);
    await alarmRaisedBy(1);
    const values = await findRoundParameterValues({
      db: t.db,
      stayId: world.stayId,
      episodeId: world.episodeId,
      parameters: ["dpc_flow", "nirs_left"],
    });
    expect(values.dpc_flow?.measuredAlarm).toBeNull();
    expect(values.nirs_left).toBeUndefined();
  });
});
