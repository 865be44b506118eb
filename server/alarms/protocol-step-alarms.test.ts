import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAlarmsChanged, TProtocolChanged } from "@/lib/realtime/events";
import { signProtocolStep } from "@/lib/db/protocols/sign-protocol-step";
import { startProtocol } from "@/lib/db/protocols/start-protocol";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

const H = 3_600_000;
let test: TestDb;
let world: TestEpisode;
let station: TTestStation;
let socket: TestSocket;
const alarms: TAlarmsChanged[] = [];
const protocolChanges: TProtocolChanged[] = [];
beforeAll(async () => {
  test = await createTestDb();
  world = await seedTestEpisode(test.db, { deviceType: "IABP" });
  station = await startTestStation({ db: test.db, alarmTickMs: 0, alarmStartupGraceMs: 0 });
  const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: [world.unitId] });
  socket = connectTestSocket(station.base, { cookie: nurse.cookie });
  socket.on("alarm:changed", (c) => alarms.push(c));
  socket.on("protocol:changed", (c) => protocolChanges.push(c));
  expect(await handshake(socket)).toEqual({ connected: true });
  await new Promise((resolve) => socket.emit("alarm:subscribe", { unitId: world.unitId, sinceSeq: 0 }, resolve));
});
afterAll(async () => {
  socket.close();
  await station.close();
  await test.cleanup();
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
const latest = () =>
  alarms
    .flatMap((c) => c.alarms)
    .filter((a) => a.ruleId === "protocol-step-overdue")
    .sort((a, b) => b.lastEventSeq - a.lastEventSeq)[0];

describe("protocol steps on the alarm engine's clock", () => {
  it("raises an overdue step on a tick, tells the unit's screens, and the signature clears it", async () => {
    const actor = { userId: "", username: "nurse", role: "nurse" as const };
    const user = await test.db.user.findFirstOrThrow({ where: { role: "nurse" } });
    // Weaning started 7 h ago at 1:1: the 1:2 step was due by 6 h.
    const plan = await startProtocol({
      db: test.db,
      bedId: world.bedId,
      input: { protocol: "iabp-weaning", episodeId: world.episodeId, anchorAt: Date.now() - 7 * H },
      actor: { ...actor, userId: user.id },
      context: null,
    });
    await waitFor(() => protocolChanges.find((c) => c.timerId === plan.id));

    await station.server.alarms!.tick();
    const raised = await waitFor(() => latest());
    expect(raised).toMatchObject({
      status: "active",
      priority: "low",
      bedId: world.bedId,
      messageKey: "protocolStepOverdue",
    });
    expect(raised.summary?.fr).toBe("Sevrage du BCPIA, fréquence 1:2 réglée et évaluée");

    await signProtocolStep({
      db: test.db,
      bedId: world.bedId,
      timerId: plan.id,
      input: { stepId: "ratio-1-2" },
      actor: { ...actor, userId: user.id },
      context: null,
    });
    await waitFor(() => (latest()?.status === "resolved" ? true : undefined));
    // The next step (1:4) is not yet due: another tick raises nothing.
    await station.server.alarms!.tick();
    expect(await test.db.alarm.count({ where: { ruleId: "protocol-step-overdue", openKey: { not: null } } })).toBe(0);
  });
});
