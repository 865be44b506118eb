import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";
import { getBedTrends } from "./get-bed-trends";

const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);
const H = 3_600_000;

let test: TestDb | undefined;
afterEach(async () => {
  await test?.cleanup();
  test = undefined;
});

describe("getBedTrends of a stay with no support running (issue 15)", () => {
  it("reads the stay from its admission: values charted while the support ran, and those after", async () => {
    test = await createTestDb();
    const { db } = test;
    const w = await seedTestEpisode(db, { deviceType: "IABP", startedAt: new Date(T0) });
    await db.supportEpisode.update({ where: { id: w.episodeId }, data: { endedAt: new Date(T0 + 3 * H) } });
    const add = (parameter: string, hours: number, value: number, episodeId: string | null) =>
      db.observation.create({
        data: {
          episodeId,
          stayId: w.stayId,
          bedId: w.bedId,
          unitId: w.unitId,
          parameter,
          value,
          unit: "x",
          observedAt: new Date(T0 + hours * H),
          receivedAt: new Date(T0 + hours * H),
          source: "device",
          sourceRef: `${parameter}@${hours}`,
        },
      });
    await add("map", 1, 70, w.episodeId);
    await add("helium_level", 2, 80, w.episodeId);
    await add("map", 5, 74, null);
    const trends = await getBedTrends({
      db,
      bedId: w.bedId,
      query: { parameters: ["map", "helium_level"], from: undefined, to: undefined, width: 100 },
      now: new Date(T0 + 6 * H),
    });
    const [map, helium] = trends.series;
    expect(map).toMatchObject({ episodeId: null, from: T0, to: T0 + 6 * H });
    expect(map?.points.filter((p) => p.v !== null).map((p) => p.v)).toEqual([70, 74]);
    // The balloon's own value, charted while it ran, stays in its trend.
    expect(helium?.points.filter((p) => p.v !== null).map((p) => p.v)).toEqual([80]);
  });

  it("refuses a bed with no patient", async () => {
    test = await createTestDb();
    const { db } = test;
    const w = await seedTestEpisode(db, { deviceType: "IABP", startedAt: new Date(T0) });
    await db.supportEpisode.update({ where: { id: w.episodeId }, data: { endedAt: new Date(T0 + H) } });
    await db.stay.update({
      where: { id: w.stayId },
      data: { dischargedAt: new Date(T0 + H), openBedKey: null, openPatientKey: null },
    });
    await expect(
      getBedTrends({ db, bedId: w.bedId, query: { parameters: ["map"], width: 100 }, now: new Date(T0 + 2 * H) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
