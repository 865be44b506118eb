import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TProtocolPlanDto, TUnitProtocols } from "@/lib/protocols/protocol-dtos";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { GET as getUnitProtocols } from "../../../units/[unitId]/protocols/route";
import { POST as signStep } from "./[timerId]/steps/route";
import { GET, POST } from "./route";

let test: TestDb;
let iabp: TestEpisode;
let other: TestEpisode;
let nurse: TTestSession;
let display: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  iabp = await seedTestEpisode(test.db, { suffix: "1", deviceType: "IABP" });
  other = await seedTestEpisode(test.db, { suffix: "2", deviceType: "IABP" });
  nurse = await signInTestUser(test.db, { role: "nurse", unitIds: [iabp.unitId] });
  display = await signInTestUser(test.db, { role: "display", unitIds: [iabp.unitId] });
  provideDb(test.db);
});
afterAll(async () => {
  await test.cleanup();
});

type TBody = Partial<TProtocolPlanDto> & { error?: { code: string; message: string } };
const call = async <TParams>(
  handler: (request: Request, context: { params: Promise<TParams> }) => Promise<Response>,
  path: string,
  params: TParams,
  who: TTestSession,
  body?: unknown,
) => {
  const request = new Request(`http://station.test${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { cookie: who.cookie },
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as TBody };
};
const start = (bedId: string, body: unknown, who = nurse) =>
  call(POST, `/api/beds/${bedId}/protocols`, { bedId }, who, body);

describe("protocol routes", () => {
  it("lets a nurse start a plan and sign a step, and a wall screen read the unit's timers without the notes", async () => {
    const started = await start(iabp.bedId, { protocol: "iabp-weaning", episodeId: iabp.episodeId });
    expect(started.status).toBe(201);
    const timerId = started.body.id ?? "";
    const signed = await call(
      signStep,
      `/api/beds/${iabp.bedId}/protocols/${timerId}/steps`,
      { bedId: iabp.bedId, timerId },
      nurse,
      { stepId: "ratio-1-2", note: "MAP 72, tolerated" },
    );
    expect(signed.status).toBe(201);
    expect(signed.body.signatures).toMatchObject([{ stepId: "ratio-1-2", note: "MAP 72, tolerated" }]);

    const wall = await call(getUnitProtocols, `/api/units/${iabp.unitId}/protocols`, { unitId: iabp.unitId }, display);
    const plans = (wall.body as unknown as TUnitProtocols).plans;
    expect(plans).toHaveLength(1);
    expect(plans[0]?.signatures).toMatchObject([{ stepId: "ratio-1-2", note: null }]);
  });

  it("refuses a wall screen starting a plan, and a nurse of another unit reading or starting one", async () => {
    expect((await start(iabp.bedId, { protocol: "helium-check", episodeId: iabp.episodeId }, display)).status).toBe(
      403,
    );
    expect((await start(other.bedId, { protocol: "helium-check", episodeId: other.episodeId })).status).toBe(403);
    expect((await call(GET, `/api/beds/${other.bedId}/protocols`, { bedId: other.bedId }, nurse)).status).toBe(403);
  });

  it("answers bad input with what is wrong and where, and stores nothing", async () => {
    const before = await test.db.protocolTimer.count();
    const unknown = await start(iabp.bedId, { protocol: "ecmo-weaning", episodeId: iabp.episodeId });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/protocol/);
    const future = await start(iabp.bedId, {
      protocol: "helium-check",
      episodeId: iabp.episodeId,
      anchorAt: Date.now() + 3_600_000,
    });
    expect(future.status).toBe(400);
    expect(future.body.error?.message).toMatch(/anchorAt.*future/);
    expect(await test.db.protocolTimer.count()).toBe(before);

    // A finding is a limb check's, and one of two words.
    const plan = await test.db.protocolTimer.findFirstOrThrow({ where: { bedId: iabp.bedId, status: "active" } });
    const sign = (body: unknown) =>
      call(
        signStep,
        `/api/beds/${iabp.bedId}/protocols/${plan.id}/steps`,
        { bedId: iabp.bedId, timerId: plan.id },
        nurse,
        body,
      );
    const signatures = await test.db.protocolStepSignature.count();
    const sideways = await sign({ stepId: "ratio-1-4", finding: "sideways" });
    expect(sideways.status).toBe(400);
    expect(sideways.body.error?.message).toMatch(/finding/);
    const notAsked = await sign({ stepId: "ratio-1-4", finding: "normal" });
    expect(notAsked.status).toBe(400);
    expect(notAsked.body.error?.message).toMatch(/^finding: only a limb check/);
    expect(await test.db.protocolStepSignature.count()).toBe(signatures);
  });
});
