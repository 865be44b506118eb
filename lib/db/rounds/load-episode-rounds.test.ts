import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TRoundFrequency } from "@/lib/rounds/template";
import { DEFAULT_SHIFT_PATTERN } from "@/lib/shifts";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";
import { installDefaultRoundTemplates } from "./install-default-round-templates";
import { loadEpisodeRounds } from "./load-episode-rounds";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

// Midday in Paris: the clinical day began at 07:00, hours before the rounds below.
const NOW = Date.parse("2026-01-15T11:00:00Z");
const MIN = 60_000;

/** 31 rounds a minute apart over the last hour, the oldest covering `oldest`, the 30 newer ones hourly items only. */
async function roundsWithOldestCovering(oldest: TRoundFrequency[]) {
  const world = await seedTestEpisode(t.db, { deviceType: "IABP", startedAt: new Date(NOW - 24 * 60 * MIN) });
  await installDefaultRoundTemplates({ db: t.db, now: new Date(NOW - 48 * 60 * MIN) });
  const template = await t.db.roundTemplate.findFirstOrThrow({ where: { deviceType: "IABP" } });
  await t.db.user.create({
    data: {
      id: "n1",
      username: "nurse",
      displayName: "Nurse",
      role: "nurse",
      createdAt: new Date(0),
      updatedAt: new Date(0),
    },
  });
  for (let i = 0; i <= 30; i += 1) {
    await t.db.round.create({
      data: {
        id: `r${i}`,
        unitId: world.unitId,
        bedId: world.bedId,
        episodeId: world.episodeId,
        templateId: template.id,
        signedAt: new Date(NOW - (40 - i) * MIN),
        signedById: "n1",
        frequencies: i === 0 ? oldest : ["hourly"],
        abnormalCount: 0,
      },
    });
  }
  const episode = await t.db.supportEpisode.findUniqueOrThrow({ where: { id: world.episodeId } });
  const { schedule, recent } = await loadEpisodeRounds({
    db: t.db,
    episode,
    shifts: { pattern: DEFAULT_SHIFT_PATTERN, timeZone: "Europe/Paris" },
    now: NOW,
  });
  expect(recent.map((r) => r.id)).not.toContain("r0");
  return Object.fromEntries((schedule?.byFrequency ?? []).map((f) => [f.frequency, f.open]));
}

describe("loadEpisodeRounds", () => {
  it("finds the daily and shift items covered by a round older than the recent ones, from the stored frequencies", async () => {
    expect(await roundsWithOldestCovering(["hourly", "shift", "daily"])).toEqual({
      hourly: true,
      shift: false,
      daily: false,
    });
  });

  it("leaves them open when no round of the period covered them", async () => {
    expect(await roundsWithOldestCovering(["hourly"])).toEqual({ hourly: true, shift: true, daily: true });
  });
});
