import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";
import { findValueRun } from "./find-value-run";

const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);
const H = 3_600_000;

let test: TestDb | undefined;
afterEach(async () => {
  await test?.cleanup();
  test = undefined;
});

/** An IABP episode and a second one on another bed, with readings at whole hours after T0. */
async function world() {
  test = await createTestDb();
  const db = test.db;
  const first = await seedTestEpisode(db, { suffix: "1", deviceType: "IABP", startedAt: new Date(T0) });
  const second = await seedTestEpisode(db, { suffix: "2", deviceType: "IABP", startedAt: new Date(T0) });
  let n = 0;
  const add = async (parameter: string, readings: readonly (readonly [hours: number, value: number])[], w = first) => {
    for (const [hours, value] of readings) {
      await db.observation.create({
        data: {
          episodeId: w.episodeId,
          stayId: w.stayId,
          bedId: w.bedId,
          unitId: w.unitId,
          parameter,
          value,
          unit: "x",
          observedAt: new Date(T0 + hours * H),
          receivedAt: new Date(T0 + hours * H),
          source: "device",
          sourceRef: `r${(n += 1)}`,
        },
      });
    }
  };
  return { db, stayId: first.stayId, second, add };
}

describe("findValueRun", () => {
  it("gives the latest value and the first reading after the last different one", async () => {
    const { db, stayId, add } = await world();
    await add("iabp_pumping", [
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 0],
    ]);
    expect(await findValueRun({ db, stayId, parameter: "iabp_pumping" })).toEqual({ value: 0, since: T0 + 3 * H });
  });

  it("dates a value that came back from its return, not from its first time", async () => {
    const { db, stayId, add } = await world();
    await add("iabp_ratio", [
      [1, 1],
      [2, 2],
      [3, 1],
      [5, 1],
    ]);
    expect(await findValueRun({ db, stayId, parameter: "iabp_ratio" })).toEqual({ value: 1, since: T0 + 3 * H });
  });

  it("dates a value that never changed from its first reading", async () => {
    const { db, stayId, add } = await world();
    await add("iabp_pumping", [
      [1, 1],
      [2, 1],
    ]);
    expect(await findValueRun({ db, stayId, parameter: "iabp_pumping" })).toEqual({ value: 1, since: T0 + H });
  });

  it("gives the run as it stood before `until`, readings at `until` and later left out", async () => {
    const { db, stayId, add } = await world();
    await add("iabp_pumping", [
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 0],
    ]);
    expect(await findValueRun({ db, stayId, parameter: "iabp_pumping", until: T0 + 3 * H })).toEqual({
      value: 1,
      since: T0 + H,
    });
    expect(await findValueRun({ db, stayId, parameter: "iabp_pumping", until: T0 + 3 * H + 1 })).toEqual({
      value: 0,
      since: T0 + 3 * H,
    });
    expect(await findValueRun({ db, stayId, parameter: "iabp_pumping", until: T0 + H })).toBeNull();
  });

  it("reads only the episode and the parameter asked for, and answers null when it was never measured", async () => {
    const { db, stayId, second, add } = await world();
    await add("iabp_ratio", [[1, 2]]);
    await add(
      "iabp_pumping",
      [
        [1, 0],
        [2, 1],
      ],
      second,
    );
    expect(await findValueRun({ db, stayId, parameter: "iabp_pumping" })).toBeNull();
    expect(await findValueRun({ db, stayId, parameter: "iabp_ratio" })).toEqual({ value: 2, since: T0 + H });
    expect(await findValueRun({ db, stayId: second.stayId, parameter: "iabp_pumping" })).toEqual({
      value: 1,
      since: T0 + 2 * H,
    });
  });
});
