import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { TAlarmCommandAnswer, TAlarmReplayAnswer, TAlarmsChanged } from "@/lib/realtime/events";
import { raiseExternalAlarm } from "@/lib/db/alarms/raise-external-alarm";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

/**
 * A wall display shows a unit to anyone passing by: the alarms it receives, replayed or live, carry no staff name and
 * no free text a clinician typed (the acknowledgement's comment, a round finding's comment), while a nurse's screen
 * on the same unit receives them whole.
 */
let t: TestDb;
let station: TTestStation;
let ward: TestEpisode;
let nurse: TTestSession;
let display: TTestSession;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  t = await createTestDb();
  ward = await seedTestEpisode(t.db, { suffix: "1" });
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [ward.unitId] });
  display = await signInTestUser(t.db, { role: "display", unitIds: [ward.unitId] });
  station = await startTestStation({ db: t.db });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await station.close();
  await t.cleanup();
});

async function follow(cookie: string): Promise<{ socket: TestSocket; changes: TAlarmsChanged[] }> {
  const socket = connectTestSocket(station.base, { cookie, reconnection: false });
  sockets.push(socket);
  expect(await handshake(socket)).toEqual({ connected: true });
  const changes: TAlarmsChanged[] = [];
  socket.on("alarm:changed", (c) => changes.push(c));
  const answer = (await socket
    .timeout(5_000)
    .emitWithAck("alarm:subscribe", { unitId: ward.unitId, sinceSeq: 0 })) as TAlarmReplayAnswer;
  expect(answer.ok).toBe(true);
  return { socket, changes };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe("wall display payloads", () => {
  it("strip staff names and free text from live alarm changes and from the replay", async () => {
    const nurseScreen = await follow(nurse.cookie);
    const wall = await follow(display.cookie);
    const raised = await raiseExternalAlarm({
      db: t.db,
      input: {
        episodeId: ward.episodeId,
        ruleId: "round-abnormal-finding",
        subjectKey: "puncture-site",
        priority: "medium",
        messageKey: "roundAbnormalFinding",
        summary: { en: "Puncture site: haematoma — Mr Dupont's wife says he fell", fr: "Point : hématome — chute" },
        refs: { roundId: "r1", itemId: "puncture-site" },
      },
      actor: { userId: nurse.userId, username: nurse.username, role: "nurse" },
      context: null,
      origin: "rounds",
    });
    const ack = (await nurseScreen.socket.timeout(5_000).emitWithAck("alarm:acknowledge", {
      alarmId: raised.alarmId,
      reason: "other",
      comment: "Dr Martin informed, family at bedside",
    })) as TAlarmCommandAnswer;
    expect(ack).toMatchObject({ ok: true, alarm: { acknowledgedComment: "Dr Martin informed, family at bedside" } });

    const acknowledged = (c: TAlarmsChanged[]) => c.flatMap((x) => x.alarms).find((a) => a.status === "acknowledged");
    await until(() => !!acknowledged(nurseScreen.changes) && !!acknowledged(wall.changes));
    expect(acknowledged(nurseScreen.changes)).toMatchObject({
      acknowledgedBy: expect.any(String) as string,
      acknowledgedComment: "Dr Martin informed, family at bedside",
    });
    const seen: TAlarmDto | undefined = acknowledged(wall.changes);
    expect(seen).toMatchObject({
      status: "acknowledged",
      acknowledgedReason: "other",
      acknowledgedBy: null,
      acknowledgedComment: null,
      summary: { en: "Puncture site: haematoma", fr: "Point : hématome" },
    });
    // The display received one copy of each change (its redacted one), not the unit room's too.
    expect(wall.changes.flatMap((c) => c.alarms).every((a) => a.acknowledgedComment === null)).toBe(true);

    const replay = (await wall.socket
      .timeout(5_000)
      .emitWithAck("alarm:subscribe", { unitId: ward.unitId, sinceSeq: 0 })) as TAlarmReplayAnswer;
    expect(replay.ok && replay.alarms).toEqual([
      expect.objectContaining({ acknowledgedBy: null, acknowledgedComment: null }),
    ]);
    expect(JSON.stringify(replay)).not.toMatch(/Martin|Dupont|fell/);
  });
});
