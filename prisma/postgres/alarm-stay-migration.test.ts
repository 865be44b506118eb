import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrationSql, migrationsBefore } from "@/test/support/migration-steps";
import { createPostgresTestDb } from "@/test/support/create-test-db";

const MIGRATIONS = path.resolve(import.meta.dirname, "migrations");
const THIS = "20261222000000_alarm_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);
const T = "to_timestamp(1764576000)";

/** The data steps of the PostgreSQL counterpart (prisma/alarm-stay-migration.test.ts tests the SQLite one). */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES ('p1','MRN-1','Alice','Exemple',${T},'F');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s1','p1','u1','b1','b1','p1',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","endedAt","settings") VALUES
  ('e1','s1','p1','b1','IABP',${T},${T},'{}'), ('e2','s1','p1','b1','VA_ECMO',${T},NULL,'{}');
INSERT INTO "Alarm" ("id","unitId","bedId","episodeId","ruleId","subjectKey","openKey","origin","priority","messageKey","limitSource","conditionSince","raisedAt","status","lastEventSeq") VALUES
  ('a-ended','u1','b1','e1','helium-low','','e1|helium-low|','engine','high','heliumLow','default',${T},${T},'active',2),
  ('a-open','u1','b1','e2','lactate-high','','e2|lactate-high|','engine','high','lactateHigh','default',${T},${T},'acknowledged',3),
  ('a-round','u1','b1','e2','round-abnormal-finding','left-leg','e2|round-abnormal-finding|left-leg','rounds','medium','roundAbnormalFinding','external',${T},${T},'active',4);
INSERT INTO "AlarmEngineState" ("episodeId","state","lastSeq","updatedAt") VALUES ('e1','{}',10,${T}), ('e2','{}',42,${T});
`;

describe.runIf(process.env.TEST_DATABASE === "postgres")(`PostgreSQL migration ${THIS}`, () => {
  it("gives each alarm its stay, keys the running support's engine alarms by stay, keeps its state", async () => {
    const t = await createPostgresTestDb({ migrations: false });
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      for (const name of EARLIER) await client.query(migrationSql(MIGRATIONS, name));
      await client.query(EARLIER_ROWS);
      await client.query(migrationSql(MIGRATIONS, THIS));
      const alarms = await client.query(`SELECT "id","stayId","episodeId","openKey" FROM "Alarm" ORDER BY "id"`);
      expect(alarms.rows).toEqual([
        { id: "a-ended", stayId: "s1", episodeId: "e1", openKey: "e1|helium-low|" },
        { id: "a-open", stayId: "s1", episodeId: "e2", openKey: "s1|lactate-high|" },
        { id: "a-round", stayId: "s1", episodeId: "e2", openKey: "e2|round-abnormal-finding|left-leg" },
      ]);
      const states = await client.query(`SELECT "stayId","lastSeq"::int AS "lastSeq" FROM "AlarmEngineState"`);
      expect(states.rows).toEqual([{ stayId: "s1", lastSeq: 42 }]);
    } finally {
      await client.end();
      await t.cleanup();
    }
  });
});
