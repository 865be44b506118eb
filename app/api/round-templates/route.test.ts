import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ROUND_TEMPLATES } from "@/lib/rounds/default-templates";
import { provideDb } from "@/lib/db/get-db";
import { installDefaultRoundTemplates } from "@/lib/db/rounds/install-default-round-templates";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { GET as getContext } from "../beds/[bedId]/round/route";
import { GET, POST } from "./route";

let t: TestDb;
let world: TestEpisode;
let admin: TTestSession;
let nurse: TTestSession;
beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db, { deviceType: "IABP" });
  await installDefaultRoundTemplates({ db: t.db });
  admin = await signInTestUser(t.db, { role: "admin", unitIds: [world.unitId] });
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
  provideDb(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

const publish = (body: unknown, who = admin) =>
  POST(
    new Request("http://station.test/api/round-templates", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { cookie: who.cookie, "content-type": "application/json" },
    }),
  );
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; issues: Array<{ field: string; message: string }> } }).error;

describe("publishing a round checklist", () => {
  it("refuses a checklist without items, saying so", async () => {
    const response = await publish({ deviceType: "IABP", items: [] });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues).toEqual([
      { field: "items", message: "A checklist needs at least one item" },
    ]);
  });

  it("refuses an unknown item type, naming the item", async () => {
    const items = [
      ...DEFAULT_ROUND_TEMPLATES.IABP.items.slice(0, 2),
      { ...DEFAULT_ROUND_TEMPLATES.IABP.items[0], itemId: "selfie", type: "photo" },
    ];
    const response = await publish({ deviceType: "IABP", items });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toContain(
      "items.2.type: Unknown item type: expected one of check, normal_abnormal, number, choice",
    );
    expect(await t.db.roundTemplate.count({ where: { deviceType: "IABP" } })).toBe(1);
  });

  it("is an administrator's: a nurse is refused", async () => {
    expect((await publish(DEFAULT_ROUND_TEMPLATES.IABP, nurse)).status).toBe(403);
  });

  it("publishes the next version, which new rounds use, and keeps the earlier one", async () => {
    const items = [
      ...DEFAULT_ROUND_TEMPLATES.IABP.items,
      {
        ...DEFAULT_ROUND_TEMPLATES.IABP.items[0],
        itemId: "iabp.alarm_limits",
        labelEn: "Console alarm limits set",
        labelFr: "Limites d'alarme de la console réglées",
        type: "check",
        frequency: "shift",
      },
    ];
    const response = await publish({ deviceType: "IABP", note: "Alarm limits added", items });
    expect(response.status).toBe(201);
    const { template } = (await response.json()) as { template: { id: string; version: number; publishedBy: string } };
    expect(template).toMatchObject({ id: "IABP-v2", version: 2 });

    const list = (await (
      await GET(new Request("http://station.test/api/round-templates", { headers: { cookie: nurse.cookie } }))
    ).json()) as { templates: Array<{ id: string }> };
    expect(list.templates.filter((x) => x.id.startsWith("IABP")).map((x) => x.id)).toEqual(["IABP-v2", "IABP-v1"]);
    const context = (await (
      await getContext(
        new Request(`http://station.test/api/beds/${world.bedId}/round`, { headers: { cookie: nurse.cookie } }),
        { params: Promise.resolve({ bedId: world.bedId }) },
      )
    ).json()) as { template: { id: string } };
    expect(context.template.id).toBe("IABP-v2");
    expect(await t.db.auditEvent.count({ where: { action: "round-template.published", actorId: admin.userId } })).toBe(
      1,
    );
  });
});
