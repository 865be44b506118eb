import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUnitRounds } from "@/lib/rounds/round-dtos";
import { itemsAsked } from "@/lib/rounds/answers";
import { DEFAULT_ROUND_TEMPLATES } from "@/lib/rounds/default-templates";
import { provideDb } from "@/lib/db/get-db";
import { installDefaultRoundTemplates } from "@/lib/db/rounds/install-default-round-templates";
import { signRound } from "@/lib/db/rounds/sign-round";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { GET } from "./route";

let t: TestDb;
let world: TestEpisode;
let nurse: TTestSession;
let wall: TTestSession;
beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db, { deviceType: "IABP" });
  await installDefaultRoundTemplates({ db: t.db });
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
  wall = await signInTestUser(t.db, { role: "display", unitIds: [world.unitId] });
  const asked = itemsAsked(DEFAULT_ROUND_TEMPLATES.IABP.items, ["hourly", "shift", "daily"]);
  await signRound({
    db: t.db,
    input: {
      roundId: randomUUID(),
      bedId: world.bedId,
      episodeId: world.episodeId,
      templateId: "IABP-v1",
      frequencies: ["hourly", "shift", "daily"],
      answers: asked.map((i) =>
        i.itemId === "iabp.puncture_site"
          ? { itemId: i.itemId, value: "abnormal", comment: "Oozing at the sheath, Mr Synthetic's groin" }
          : {
              itemId: i.itemId,
              value:
                i.type === "check"
                  ? "done"
                  : i.type === "normal_abnormal"
                    ? "normal"
                    : i.type === "choice"
                      ? "present"
                      : "30",
            },
      ),
    },
    actor: { userId: nurse.userId, username: nurse.username, role: "nurse" },
    context: null,
  });
  provideDb(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

const read = async (who: TTestSession) => {
  const response = await GET(
    new Request(`http://station.test/api/units/${world.unitId}/rounds`, { headers: { cookie: who.cookie } }),
    { params: Promise.resolve({ unitId: world.unitId }) },
  );
  expect(response.status).toBe(200);
  return ZUnitRounds.parse(await response.json());
};

describe("a unit's round status over HTTP", () => {
  it("gives the nurse the bed's due time and its finding with the comment", async () => {
    const bed = (await read(nurse)).beds[0];
    expect(bed?.schedule?.overdue).toBe(false);
    expect(bed?.abnormal).toMatchObject([
      { itemId: "iabp.puncture_site", comment: "Oozing at the sheath, Mr Synthetic's groin" },
    ]);
  });

  it("gives a wall screen the finding without the nurse's free text", async () => {
    const bed = (await read(wall)).beds[0];
    expect(bed?.abnormal).toMatchObject([{ itemId: "iabp.puncture_site", comment: null }]);
  });
});
