import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZDocumentChange } from "@/lib/changes/change";
import type { TObservationDto } from "@/lib/observations/observation";
import type { TReplayAnswer, TRoundChanged } from "@/lib/realtime/events";
import { itemsAsked } from "@/lib/rounds/answers";
import { DEFAULT_ROUND_TEMPLATES } from "@/lib/rounds/default-templates";
import { getBedRoundHistory } from "@/lib/db/rounds/get-bed-round-history";
import { getUnitRounds } from "@/lib/db/rounds/get-unit-rounds";
import { installDefaultRoundTemplates } from "@/lib/db/rounds/install-default-round-templates";
import { publishRoundTemplate } from "@/lib/db/rounds/publish-round-template";
import { provideDb } from "@/lib/db/get-db";
import { connectTestSocket, handshake } from "@/test/support/connect-test-socket";
import { createTestDb, openRawSql, testsUsePostgres, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { startTestStation } from "@/test/support/start-test-station";
import { POST as amendRound } from "./[roundId]/amendments/route";
import { POST as signRound } from "./route";
import { recordedReadings } from "@/test/support/recorded-readings";

let t: TestDb;
let world: TestEpisode;
let nurse: TTestSession;

/** Every item of the IABP checklist answered as a nurse would on a quiet hour, the left leg's pulse weak. */
function iabpRound(overrides: Record<string, { value: string; comment?: string }> = {}) {
  const asked = itemsAsked(DEFAULT_ROUND_TEMPLATES.IABP.items, ["hourly", "shift", "daily"]);
  return {
    roundId: randomUUID(),
    bedId: world.bedId,
    episodeId: world.episodeId,
    templateId: "IABP-v1",
    frequencies: ["hourly", "shift", "daily"],
    startedAt: Date.now() - 120_000,
    answers: asked.map((item) => ({
      itemId: item.itemId,
      ...(overrides[item.itemId] ?? {
        value:
          item.type === "check"
            ? "done"
            : item.type === "normal_abnormal"
              ? "normal"
              : item.type === "choice"
                ? "present"
                : "45",
      }),
    })),
  };
}
/** POST /api/rounds or /api/rounds/:roundId/amendments, to its route handler as Next calls it. */
const post = (path: string, body: unknown, cookie = nurse.cookie): Promise<Response> => {
  const request = new Request(`http://station.test${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", cookie },
  });
  const amendment = /^\/api\/rounds\/([^/]+)\/amendments$/.exec(path);
  return amendment
    ? amendRound(request, { params: Promise.resolve({ roundId: amendment[1] ?? "" }) })
    : signRound(request);
};

/** The DocumentChange log, from which the change feed tells the screens: what they will hear, in order. */
const told = async () =>
  (await t.db.documentChange.findMany({ orderBy: { seq: "asc" } })).map((row) =>
    ZDocumentChange.parse({ ...(row.details as object), type: row.type, unitId: row.unitId, bedId: row.bedId }),
  );

beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db, { deviceType: "IABP" });
  await installDefaultRoundTemplates({ db: t.db });
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
  provideDb(t.db);
});

afterEach(async () => {
  await t.cleanup();
});

describe("signing a round", () => {
  it("stores a retried submission once: the second answer says duplicate and returns the stored round", async () => {
    const round = iabpRound({ "leg_left.pulse": { value: "weak", comment: "Cool left foot" } });
    const first = await post("/api/rounds", round);
    expect(first.status).toBe(201);
    const second = await post("/api/rounds", round);
    expect(second.status).toBe(200);
    const body = (await second.json()) as { status: string; round: { id: string; signedBy: string } };
    expect(body.status).toBe("duplicate");
    expect(body.round.id).toBe(round.roundId);

    expect(await t.db.round.count()).toBe(1);
    expect(await t.db.roundAnswer.count({ where: { roundId: round.roundId } })).toBe(round.answers.length);
    // The urine output and the charted helium level joined their series once, committed with the round.
    const numbers = await t.db.observation.findMany({ where: { source: "round" }, orderBy: { parameter: "asc" } });
    expect(numbers.map((o) => [o.parameter, o.value, o.sourceRef])).toEqual([
      ["helium_level", 45, `${round.roundId}/iabp.helium_level`],
      ["urine_output", 45, `${round.roundId}/urine_output`],
    ]);
    expect(await t.db.auditEvent.count({ where: { action: "round.signed" } })).toBe(1);
    expect(await told()).toEqual([
      { type: "round:signed", unitId: world.unitId, bedId: world.bedId, roundId: round.roundId },
    ]);
  });

  it("signs with the signed-in nurse and the server's time, and flags the bed with the abnormal finding", async () => {
    const round = iabpRound({ "leg_left.pulse": { value: "weak", comment: "Cool left foot" } });
    const before = Date.now();
    await post("/api/rounds", round);
    const stored = await t.db.round.findUniqueOrThrow({ where: { id: round.roundId } });
    expect(stored.signedById).toBe(nurse.userId);
    expect(stored.signedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(stored.abnormalCount).toBe(1);

    const unit = await getUnitRounds({ db: t.db, unitId: world.unitId });
    const bed = unit.beds[0];
    expect(bed?.abnormal.map((f) => [f.itemId, f.value, f.comment])).toEqual([
      ["leg_left.pulse", "weak", "Cool left foot"],
    ]);
    // The next round is due an hour after this one.
    expect(bed?.schedule?.dueAt).toBe(stored.signedAt.getTime() + 3_600_000);
    expect(bed?.schedule?.open).toEqual(["hourly"]);

    // …and as a MEDIUM alarm on the bed, committed with the round.
    const alarm = await t.db.alarm.findFirstOrThrow({
      where: { episodeId: world.episodeId, ruleId: "round-abnormal-finding" },
    });
    expect(alarm).toMatchObject({
      subjectKey: "leg_left.pulse",
      priority: "medium",
      status: "active",
      origin: "rounds",
      messageKey: "roundAbnormalFinding",
    });
    expect(alarm.details).toMatchObject({
      summary: { en: "Left leg: Doppler pulse: Weak — Cool left foot" },
      refs: { roundId: round.roundId },
    });
    expect(await t.db.alarmEvent.count({ where: { alarmId: alarm.id, type: "raised" } })).toBe(1);
  });

  it("clears the finding's alarm when the next round finds the item normal", async () => {
    await post("/api/rounds", iabpRound({ "leg_left.pulse": { value: "absent", comment: "No Doppler signal" } }));
    const next = iabpRound();
    next.frequencies = ["hourly"];
    next.answers = next.answers.filter((a) =>
      itemsAsked(DEFAULT_ROUND_TEMPLATES.IABP.items, ["hourly"]).some((i) => i.itemId === a.itemId),
    );
    expect((await post("/api/rounds", next)).status).toBe(201);
    const alarm = await t.db.alarm.findFirstOrThrow({ where: { ruleId: "round-abnormal-finding" } });
    expect(alarm).toMatchObject({ status: "resolved", resolution: "cleared", openKey: null });
    expect((await getUnitRounds({ db: t.db, unitId: world.unitId })).beds[0]?.abnormal).toEqual([]);
  });

  it("refuses a half-done round, naming what is missing, and writes nothing", async () => {
    const round = iabpRound({ "leg_left.pulse": { value: "absent" } });
    round.answers = round.answers.filter((a) => a.itemId !== "iabp.puncture_site");
    const response = await post("/api/rounds", round);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; issues: Array<{ field: string }> } };
    expect(body.error.issues.map((i) => i.field).sort()).toEqual([
      "answers.iabp.puncture_site",
      "answers.leg_left.pulse",
    ]);
    expect(body.error.message).toContain("needs a comment");
    expect(await t.db.round.count()).toBe(0);
    expect(await t.db.observation.count()).toBe(0);
    expect(await t.db.alarm.count()).toBe(0);
  });

  it("refuses a round opened for another patient of the bed (a draft left from before a discharge)", async () => {
    const response = await post("/api/rounds", { ...iabpRound(), episodeId: "an-earlier-episode" });
    expect(response.status).toBe(409);
    expect(await t.db.round.count()).toBe(0);
  });

  it("is refused to a role that may not sign a checklist", async () => {
    const physician = await signInTestUser(t.db, { role: "physician", unitIds: [world.unitId] });
    expect((await post("/api/rounds", iabpRound(), physician.cookie)).status).toBe(403);
    expect(await t.db.round.count()).toBe(0);
  });
});

describe("amending a signed round", () => {
  it("keeps the signed answer, stores the correction with its reason, and audits both answers", async () => {
    const round = iabpRound({ "leg_left.pulse": { value: "weak", comment: "Cool left foot" } });
    await post("/api/rounds", round);
    const response = await post(`/api/rounds/${round.roundId}/amendments`, {
      itemId: "leg_left.pulse",
      value: "present",
      reason: "Doppler repeated by the physician: pulse present",
    });
    expect(response.status).toBe(201);

    const signed = await t.db.roundAnswer.findUniqueOrThrow({
      where: { roundId_itemId: { roundId: round.roundId, itemId: "leg_left.pulse" } },
    });
    expect(signed).toMatchObject({ value: "weak", abnormal: true });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "round.amended" } });
    expect(audit.actorId).toBe(nurse.userId);
    expect(audit.details).toMatchObject({
      itemId: "leg_left.pulse",
      reason: "Doppler repeated by the physician: pulse present",
      previous: { value: "weak", abnormal: true, comment: "Cool left foot" },
      value: "present",
      abnormal: false,
    });
    const history = await getBedRoundHistory({ db: t.db, bedId: world.bedId });
    const answer = history.rounds[0]?.answers.find((a) => a.itemId === "leg_left.pulse");
    expect(answer).toMatchObject({ value: "present", abnormal: false, signed: { value: "weak" } });
    // The flag follows the answer in force.
    expect((await getUnitRounds({ db: t.db, unitId: world.unitId })).beds[0]?.abnormal).toEqual([]);
    expect((await told()).map((change) => change.type)).toEqual(["round:signed", "round:amended"]);
    // A finding recorded in error: its alarm is withdrawn, not "cleared".
    expect(await t.db.alarm.findFirstOrThrow({ where: { ruleId: "round-abnormal-finding" } })).toMatchObject({
      status: "resolved",
      resolution: "withdrawn",
    });
  });

  it("refuses an amendment without a reason", async () => {
    const round = iabpRound();
    await post("/api/rounds", round);
    const response = await post(`/api/rounds/${round.roundId}/amendments`, {
      itemId: "transit",
      value: "abnormal",
      comment: "No stool for 3 days",
      reason: "",
    });
    expect(response.status).toBe(400);
    expect(await t.db.roundAmendment.count()).toBe(0);
  });

  it("feeds a corrected number to the series beside the first", async () => {
    const round = iabpRound();
    await post("/api/rounds", round);
    await post(`/api/rounds/${round.roundId}/amendments`, {
      itemId: "urine_output",
      value: "54",
      reason: "Read the wrong bag",
    });
    const values = (
      await t.db.observation.findMany({
        where: { source: "round", parameter: "urine_output" },
        orderBy: { seq: "asc" },
      })
    ).map((o) => o.value);
    expect(values).toEqual([45, 54]);
  });
});

describe("a new checklist version", () => {
  it("is used by new rounds, while a signed round keeps the version it was filled with", async () => {
    const round = iabpRound();
    await post("/api/rounds", round);
    const items = DEFAULT_ROUND_TEMPLATES.IABP.items.map((i) =>
      i.itemId === "transit" ? { ...i, labelEn: "Bowel transit" } : i,
    );
    await publishRoundTemplate({
      db: t.db,
      input: { deviceType: "IABP", items },
      actor: { userId: nurse.userId, username: nurse.username, role: "admin" },
      context: null,
    });
    const history = await getBedRoundHistory({ db: t.db, bedId: world.bedId });
    expect(history.rounds[0]).toMatchObject({ templateId: "IABP-v1", templateVersion: 1 });
    expect(history.templates.map((x) => x.id)).toEqual(["IABP-v1"]);
    // A tablet still holding a v1 form may sign it: the station checks it against v1.
    const late = {
      ...iabpRound(),
      frequencies: ["hourly"],
      answers: iabpRound().answers.filter((a) =>
        itemsAsked(DEFAULT_ROUND_TEMPLATES.IABP.items, ["hourly"]).some((i) => i.itemId === a.itemId),
      ),
    };
    expect((await post("/api/rounds", late)).status).toBe(201);
    expect((await t.db.round.findUniqueOrThrow({ where: { id: late.roundId } })).templateId).toBe("IABP-v1");
  });
});

describe("a signed round in the database", () => {
  it("cannot be updated nor deleted", async () => {
    const round = iabpRound();
    await post("/api/rounds", round);
    await expect(
      t.db.roundAnswer.update({
        where: { roundId_itemId: { roundId: round.roundId, itemId: "transit" } },
        data: { value: "abnormal" },
      }),
    ).rejects.toThrow();
    await expect(t.db.round.delete({ where: { id: round.roundId } })).rejects.toThrow();
    expect(
      (
        await t.db.roundAnswer.findUniqueOrThrow({
          where: { roundId_itemId: { roundId: round.roundId, itemId: "transit" } },
        })
      ).value,
    ).toBe("normal");
  });
});

describe("a round and its numbers", () => {
  it("commit together or not at all: a number the database refuses leaves no round, no alarm, nothing to tell", async () => {
    // The database refuses the round's numbers, as a full disk would, after the round's own rows were written.
    const raw = await openRawSql(t);
    if (testsUsePostgres()) {
      await raw.run(
        `CREATE FUNCTION refuse_round_numbers() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk trouble'; END $$`,
      );
      await raw.run(
        `CREATE TRIGGER refuse_round_numbers BEFORE INSERT ON "Observation" FOR EACH ROW WHEN (NEW."source" = 'round') EXECUTE FUNCTION refuse_round_numbers()`,
      );
    } else {
      await raw.run(
        `CREATE TRIGGER refuse_round_numbers BEFORE INSERT ON "Observation" WHEN NEW."source" = 'round' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`,
      );
    }
    await raw.close();
    const response = await post(
      "/api/rounds",
      iabpRound({ "leg_left.pulse": { value: "weak", comment: "Cool left foot" } }),
    );
    expect(response.status).toBe(500);
    expect(await t.db.round.count()).toBe(0);
    expect(await t.db.roundAnswer.count()).toBe(0);
    expect(await t.db.alarm.count()).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "round.signed" } })).toBe(0);
    expect(await told()).toEqual([]);
  });

  it("reach the unit's screens from the change feed, though no server object was in the route handler's reach", async () => {
    const station = await startTestStation({ db: t.db });
    try {
      const socket = connectTestSocket(station.base, { cookie: nurse.cookie });
      try {
        expect(await handshake(socket)).toEqual({ connected: true });
        const signed: TRoundChanged[] = [];
        const readings: TObservationDto[] = [];
        socket.on("round:signed", (payload) => signed.push(payload));
        socket.on("observation:recorded", (recorded) => readings.push(...recordedReadings(recorded)));
        const replay = (await socket
          .timeout(5_000)
          .emitWithAck("unit:subscribe", { unitId: world.unitId, sinceSeq: 0 })) as TReplayAnswer;
        expect(replay).toMatchObject({ ok: true, observations: [] });

        const round = iabpRound();
        expect((await post("/api/rounds", round)).status).toBe(201);
        await expect.poll(() => signed.length).toBe(1);
        expect(signed).toEqual([{ unitId: world.unitId, bedId: world.bedId, roundId: round.roundId }]);
        // Its numbers were told before it: a screen that reads the round again already holds them.
        expect(readings.map((o) => [o.parameter, o.value, o.source]).sort()).toEqual([
          ["helium_level", 45, "round"],
          ["urine_output", 45, "round"],
        ]);
      } finally {
        socket.close();
      }
    } finally {
      await station.close();
    }
  });
});
