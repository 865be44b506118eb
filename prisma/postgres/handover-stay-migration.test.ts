import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrationSql, migrationsBefore } from "@/test/support/migration-steps";
import { createPostgresTestDb } from "@/test/support/create-test-db";

const MIGRATIONS = path.resolve(import.meta.dirname, "migrations");
const THIS = "20261223000000_handover_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);
const T = "to_timestamp(1764576000)";

/** The data steps of the PostgreSQL counterpart (prisma/handover-stay-migration.test.ts tests the SQLite one). */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1), ('b2','u1','02',2);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES
  ('p1','MRN-1','Alice','Exemple',${T},'F'), ('p2','MRN-2','Bob','Exemple',${T},'M');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES
  ('s1','p1','u1','b1','b1','p1',${T}), ('s2','p2','u1','b2','b2','p2',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","endedAt","settings") VALUES
  ('e1','s1','p1','b1','IABP',${T},NULL,'{}'), ('e2','s2','p2','b2','VA_ECMO',${T},NULL,'{}');
INSERT INTO "HandoverSheet" ("id","unitId","bedId","episodeId","shiftKey","shiftStart","shiftEnd","status","situation","createdAt","createdById","updatedAt","updatedById","generated","actions","signedOutAt","signedOutById") VALUES
  ('h-signed','u1','b1','e1','2026-12-01/day',${T},${T},'signed_out','Weaning.',${T},'n1',${T},'n1','{}','[]',${T},'n1'),
  ('h-draft','u1','b2','e2','2026-12-01/day',${T},${T},'draft','Stable.',${T},'n1',${T},'n1',NULL,NULL,NULL,NULL);
INSERT INTO "HandoverAction" ("id","unitId","bedId","episodeId","text","createdAt","createdById") VALUES
  ('a1','u1','b1','e1','Check the left foot',${T},'n1'), ('a2','u1','b2','e2','Send the lactate',${T},'n1');
`;

describe.runIf(process.env.TEST_DATABASE === "postgres")(`PostgreSQL migration ${THIS}`, () => {
  it("gives each sheet and action its episode's stay, and keeps a signed sheet's stay immutable", async () => {
    const t = await createPostgresTestDb({ migrations: false });
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      for (const name of EARLIER) await client.query(migrationSql(MIGRATIONS, name));
      await client.query(EARLIER_ROWS);
      await client.query(migrationSql(MIGRATIONS, THIS));
      const sheets = await client.query(
        `SELECT "id","stayId","episodeId","situation" FROM "HandoverSheet" ORDER BY "id"`,
      );
      expect(sheets.rows).toEqual([
        { id: "h-draft", stayId: "s2", episodeId: "e2", situation: "Stable." },
        { id: "h-signed", stayId: "s1", episodeId: "e1", situation: "Weaning." },
      ]);
      const actions = await client.query(`SELECT "id","stayId","episodeId" FROM "HandoverAction" ORDER BY "id"`);
      expect(actions.rows).toEqual([
        { id: "a1", stayId: "s1", episodeId: "e1" },
        { id: "a2", stayId: "s2", episodeId: "e2" },
      ]);
      await expect(client.query(`UPDATE "HandoverSheet" SET "stayId" = 's2' WHERE "id" = 'h-signed'`)).rejects.toThrow(
        /immutable/,
      );
      await client.query(
        `INSERT INTO "HandoverAction" ("id","unitId","bedId","stayId","episodeId","text","createdAt","createdById")
         VALUES ('a3','u1','b1','s1',NULL,'Limb check',${T},'n1')`,
      );
    } finally {
      await client.end();
      await t.cleanup();
    }
  });
});
