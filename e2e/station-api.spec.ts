import { ZStationSnapshot } from "@/lib/station/snapshot";
import { expect, test } from "./fixtures";
import { signInAs } from "./support/accounts";
import { DEMO_BED_COUNT, DEMO_FREE_BED, DEMO_UNIT_ID } from "./support/station-env";

test.describe("the station's HTTP API", () => {
  test("GET /api/health answers 200, without a session", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  test("GET /api/units/:unitId/station answers 401 without a session", async ({ request }) => {
    const response = await request.get(`/api/units/${DEMO_UNIT_ID}/station`);
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error?: { code?: unknown } }).error?.code).toBe("UNAUTHENTICATED");
  });

  test("GET /api/units/:unitId/station answers a snapshot that parses against its schema", async ({ page }) => {
    const response = await page.request.get(`/api/units/${DEMO_UNIT_ID}/station`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    // Live data: nothing between the screen and the server may cache it.
    expect(response.headers()["cache-control"]).toContain("no-store");

    // The same schema the screen parses with (lib/client/use-station.ts): a mismatch fails here with zod's message.
    const snapshot = ZStationSnapshot.parse(await response.json());
    expect(snapshot.unit.id).toBe(DEMO_UNIT_ID);
    expect(snapshot.beds.map((bed) => bed.bedId).sort()).toEqual(
      Array.from({ length: DEMO_BED_COUNT }, (_, i) => `demo-bed-${i + 1}`).sort(),
    );
    expect(Math.abs(snapshot.serverTime - Date.now())).toBeLessThan(60_000);
    for (const bed of snapshot.beds)
      if (bed.bedId === DEMO_FREE_BED) expect(bed.patient, `${bed.bedId} is left free`).toBeNull();
      else expect(bed.episode, `${bed.bedId} has a patient on support`).not.toBeNull();
  });

  test("GET /api/units/:unitId/station answers 403 with a message for a unit the user does not belong to", async ({
    page,
  }) => {
    // An unknown unit answers the same as another unit's: the answer does not tell which units exist.
    const response = await page.request.get("/api/units/no-such-unit/station");
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error?.code).toBe("FORBIDDEN");
    expect(body.error?.message).toEqual(expect.stringMatching(/\S/));
  });

  test("the simulator's feed control refuses a nurse, a malformed body and an unknown bed", async ({
    page,
    request,
    baseURL,
  }) => {
    // The shared server's simulator is the clock of the other tests: a nurse may not stop it.
    expect(
      (await page.request.post("/api/simulator/beds/demo-bed-1/feed", { data: { running: false } })).status(),
    ).toBe(403);
    await signInAs(request, baseURL ?? "", "admin");
    const feed = (bedId: string, data: unknown) => request.post(`/api/simulator/beds/${bedId}/feed`, { data });
    // The route is mounted once the simulator runs (after its backfill): wait for it rather than race it.
    await expect
      .poll(async () => (await feed("demo-bed-1", { running: "yes" })).status(), { timeout: 30_000 })
      .toBe(400);
    expect((await feed("no-such-bed", { running: true })).status()).toBe(404);
  });
});
