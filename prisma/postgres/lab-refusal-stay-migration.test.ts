import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrationSql, migrationsBefore } from "@/test/support/migration-steps";
import { createPostgresTestDb } from "@/test/support/create-test-db";

const MIGRATIONS = path.resolve(import.meta.dirname, "migrations");
const THIS = "20261224000000_lab_refusal_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);
const T = "to_timestamp(1764576000)";

/** The data steps of the PostgreSQL counterpart (prisma/lab-refusal-stay-migration.test.ts tests the SQLite one). */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES ('p1','MRN-1','Alice','Exemple',${T},'F');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s1','p1','u1','b1','b1','p1',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","endedAt","settings") VALUES
  ('e1','s1','p1','b1','IABP',${T},${T},'{}'), ('e2','s1','p1','b1','VA_ECMO',${T},NULL,'{}');
INSERT INTO "LabRefusal" ("id","episodeId","bedId","unitId","parameter","observedAt","receivedAt","kind","field","value","reason","source","sourceRef","resolvedAt","resolvedById") VALUES
  ('r-done','e1','b1','u1','platelets',${T},${T},'unit','OBX-6','bogus','unit not read','hl7','m1|1',${T},'u-nurse'),
  ('r-open','e2','b1','u1','anti_xa',NULL,${T},'value','OBX-5','<<','value not read','hl7','m2|1',NULL,NULL);
INSERT INTO "Alarm" ("id","unitId","bedId","stayId","episodeId","ruleId","subjectKey","openKey","origin","priority","messageKey","limitSource","conditionSince","raisedAt","status","lastEventSeq") VALUES
  ('a-lab','u1','b1','s1','e2','lab-result-unreadable','r-open','e2|lab-result-unreadable|r-open','labs','technical','labResultUnreadable','external',${T},${T},'active',1),
  ('a-round','u1','b1','s1','e2','round-abnormal-finding','left-leg','e2|round-abnormal-finding|left-leg','rounds','medium','roundAbnormalFinding','external',${T},${T},'active',2);
`;

describe.runIf(process.env.TEST_DATABASE === "postgres")(`PostgreSQL migration ${THIS}`, () => {
  it("gives each refusal its stay and keys an open refusal's alarm by the stay", async () => {
    const t = await createPostgresTestDb({ migrations: false });
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      for (const name of EARLIER) await client.query(migrationSql(MIGRATIONS, name));
      await client.query(EARLIER_ROWS);
      await client.query(migrationSql(MIGRATIONS, THIS));
      const refusals = await client.query(
        `SELECT "id","stayId","episodeId","resolvedById" FROM "LabRefusal" ORDER BY "id"`,
      );
      expect(refusals.rows).toEqual([
        { id: "r-done", stayId: "s1", episodeId: "e1", resolvedById: "u-nurse" },
        { id: "r-open", stayId: "s1", episodeId: "e2", resolvedById: null },
      ]);
      const alarms = await client.query(`SELECT "id","openKey" FROM "Alarm" ORDER BY "id"`);
      expect(alarms.rows).toEqual([
        { id: "a-lab", openKey: "s1|lab-result-unreadable|r-open" },
        { id: "a-round", openKey: "e2|round-abnormal-finding|left-leg" },
      ]);
      // A refusal of a stay with no support running is accepted.
      await client.query(
        `INSERT INTO "LabRefusal" ("id","stayId","bedId","unitId","parameter","receivedAt","kind","field","value","reason","source","sourceRef")
         VALUES ('r-stay','s1','b1','u1','lactate',${T},'unit','OBX-6','x','unit not read','hl7','m3|1')`,
      );
    } finally {
      await client.end();
      await t.cleanup();
    }
  });
});
