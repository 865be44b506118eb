import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TReplayAnswer } from "@/lib/realtime/events";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { createSession } from "@/lib/db/auth/create-session";
import { provideDb } from "@/lib/db/get-db";
import { POST as postSaveScore } from "@/app/api/beds/[bedId]/save-score/route";
import { GET as getBed } from "@/app/api/beds/[bedId]/route";
import { GET as getStation } from "@/app/api/units/[unitId]/station/route";
import { importRoutes } from "../imports/import-routes";
import { simulatorRoutes } from "../simulator/simulator-routes";
import { silentLogger } from "@/lib/log/logger";
import type { Simulator } from "../simulator/start-simulator";
import { connectTestSocket, handshake } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

// A wall screen shows its unit's station and changes nothing: every mutation it tries is refused with 403 and
// leaves no trace but the audit trail's record of the refusal.
let t: TestDb;
let world: TestEpisode;
let station: TTestStation;
let cookie: string;
let displayId: string;
const feeds = new Map<string, boolean>();

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  const display = await createTestUser(t.db, { role: "display", unitIds: [world.unitId] });
  displayId = display.userId;
  cookie = `${SESSION_COOKIE}=${await createSession({ db: t.db, userId: display.userId, role: "display", config: toAuthConfig(ZAuthEnv.parse({})), context: null, now: new Date() })}`;
  provideDb(t.db);
  const simulator = {
    bedIds: () => [world.bedId],
    setBedFeed: (bedId: string, running: boolean) => feeds.set(bedId, running),
  } as unknown as Simulator;
  station = await startTestStation({ db: t.db });
  station.server.mount(
    importRoutes({
      db: t.db,
      sink: station.server.writer,
      timeZone: "Europe/Paris",
      localCodes: [],
      log: silentLogger,
    }),
  );
  station.server.mount(simulatorRoutes({ simulator, db: t.db, log: silentLogger }));
});
afterAll(async () => {
  await station.close();
  await t.cleanup();
});

const observedAt = new Date(Date.now() - 60_000).toISOString();
const observation = {
  resourceType: "Observation",
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "2518-9" }] },
  subject: { identifier: { value: "TEST-1" } },
  effectiveDateTime: observedAt,
  valueQuantity: { value: 3.2, system: "http://unitsofmeasure.org", code: "mmol/L" },
};
const saveScoreInputs = {
  ageYears: 30,
  weightKg: 70,
  diagnoses: ["myocarditis"],
  liverFailure: false,
  cnsDysfunction: false,
  acuteRenalFailure: false,
  chronicRenalFailure: false,
  intubationHours: 5,
  peakInspiratoryPressure: 18,
  cardiacArrest: false,
  diastolicBp: 45,
  pulsePressure: 25,
  bicarbonate: 20,
};

describe("a display", () => {
  it("sees its unit's station", async () => {
    const response = await getStation(
      new Request(`http://station.test/api/units/${world.unitId}/station`, { headers: { cookie } }),
      { params: Promise.resolve({ unitId: world.unitId }) },
    );
    expect(response.status).toBe(200);
  });

  it("cannot record a score, import, post FHIR, or drive the simulator: 403 each, nothing written", async () => {
    const score = await postSaveScore(
      new Request(`http://station.test/api/beds/${world.bedId}/save-score`, {
        method: "POST",
        body: JSON.stringify(saveScoreInputs),
        headers: { cookie },
      }),
      { params: Promise.resolve({ bedId: world.bedId }) },
    );
    expect(score.status).toBe(403);

    const posts: [string, string][] = [
      [
        "/api/imports?fileName=readings.csv",
        `patient_id,parameter,value,unit,observed_at\nTEST-1,ecmo_flow,3.5,L/min,${observedAt}\n`,
      ],
      ["/api/fhir/Observation", JSON.stringify(observation)],
      ["/api/fhir", JSON.stringify({ resourceType: "Bundle", type: "batch", entry: [{ resource: observation }] })],
      [`/api/simulator/beds/${world.bedId}/feed`, JSON.stringify({ running: false })],
    ];
    for (const [path, body] of posts) {
      const response = await fetch(`${station.base}${path}`, {
        method: "POST",
        body,
        headers: { cookie, "content-type": "application/json", origin: station.base },
      });
      expect(response.status, path).toBe(403);
    }

    expect(await t.db.supportEpisode.findUniqueOrThrow({ where: { id: world.episodeId } })).toMatchObject({
      saveScoreInputs: null,
    });
    expect(await t.db.observation.count()).toBe(0);
    expect(await t.db.importJob.count()).toBe(0);
    expect(feeds.size).toBe(0);
    expect(station.reachedNext).toEqual([]);
    const denied = await t.db.auditEvent.findMany({ where: { action: "access.denied", actorId: displayId } });
    expect(denied.map((d) => (d.details as { action: string }).action).sort()).toEqual([
      "import.run",
      "import.run",
      "import.run",
      "score.record",
      "simulator.control",
    ]);
    expect(
      await t.db.auditEvent.count({
        where: { action: { in: ["score.recorded", "import.run", "simulator.feed-changed"] } },
      }),
    ).toBe(0);
  });

  it("cannot open a bed's detail, over HTTP or the socket, nor the import history", async () => {
    const bed = await getBed(new Request(`http://station.test/api/beds/${world.bedId}`, { headers: { cookie } }), {
      params: Promise.resolve({ bedId: world.bedId }),
    });
    expect(bed.status).toBe(403);
    expect((await fetch(`${station.base}/api/imports`, { headers: { cookie } })).status).toBe(403);
    const socket = connectTestSocket(station.base, { cookie });
    try {
      expect(await handshake(socket)).toEqual({ connected: true });
      expect(
        await socket.timeout(5_000).emitWithAck("unit:subscribe", { unitId: world.unitId, sinceSeq: 0 }),
      ).toMatchObject({ ok: true });
      const answer = (await socket
        .timeout(5_000)
        .emitWithAck("bed:subscribe", { bedId: world.bedId, sinceSeq: 0 })) as TReplayAnswer;
      expect(answer).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    } finally {
      socket.close();
    }
  });
});
