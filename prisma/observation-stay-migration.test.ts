import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applySqliteMigrations, migrationsBefore } from "@/test/support/migration-steps";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const THIS = "20261220000000_observation_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);

const T = Date.UTC(2026, 11, 1, 8);

/**
 * A database at the migration before this one: a stay with its episode, readings of it (one whose stayId was never
 * filled), and a last reading removed, so that the AUTOINCREMENT counter stands above the highest seq kept.
 */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES ('p1','MRN-1','Alice','Exemple',0,'F');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s1','p1','u1','b1','b1','p1',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","settings") VALUES ('e1','s1','p1','b1','VA_ECMO',${T},'{}');
INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef") VALUES
  ('e1','s1','b1','u1','map',70,'mm[Hg]',${T},${T},'simulator','sim/1'),
  ('e1',NULL,'b1','u1','map',71,'mm[Hg]',${T + 1000},${T + 1000},'simulator','sim/2'),
  ('e1','s1','b1','u1','lactate',2.1,'mmol/L',${T + 2000},${T + 2000},'hl7','lab/1'),
  ('e1','s1','b1','u1','map',72,'mm[Hg]',${T + 3000},${T + 3000},'simulator','sim/3');
INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef","resultKey","resultStatus")
  VALUES ('e1','s1','b1','u1','lactate',2.4,'mmol/L',${T + 4000},${T + 4000},'hl7','lab/2','ORD1|2524-7|','final');
DELETE FROM "Observation" WHERE "sourceRef" = 'sim/3';
INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
  VALUES ('e1','s1','b1','u1','map',73,'mm[Hg]',${T + 5000},${T + 5000},'simulator','sim/4');
DELETE FROM "Observation" WHERE "sourceRef" = 'sim/4';
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "observation-stay-migration-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const migrate = (db: Database.Database, names: readonly string[]) => applySqliteMigrations(db, MIGRATIONS, names);

describe(`migration ${THIS}`, () => {
  it("keeps every seq and the counter, fills the stay, and makes episodeId optional", () => {
    const db = new Database(path.join(dir, "station.db"));
    try {
      migrate(db, EARLIER);
      db.exec(EARLIER_ROWS);
      const before = db.prepare(`SELECT "seq","sourceRef","episodeId" FROM "Observation" ORDER BY "seq"`).all();
      const counter = db.prepare(`SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Observation'`).pluck().get();
      expect(counter).toBe(6);

      migrate(db, [THIS]);

      expect(db.prepare(`SELECT "seq","sourceRef","episodeId" FROM "Observation" ORDER BY "seq"`).all()).toEqual(
        before,
      );
      expect(db.prepare(`SELECT DISTINCT "stayId" FROM "Observation"`).pluck().all()).toEqual(["s1"]);
      expect(db.prepare(`SELECT "name" FROM "sqlite_master" WHERE "name" LIKE '\\_%' ESCAPE '\\'`).all()).toEqual([]);

      // A reading of the stay with no episode (a lactate before cannulation) is accepted; one without a stay is not.
      const insert = db.prepare(
        `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
         VALUES (?, ?, 'b1','u1','lactate',3.2,'mmol/L',${T},${T},'hl7',?)`,
      );
      const { lastInsertRowid } = insert.run(null, "s1", "lab/3");
      expect(Number(lastInsertRowid)).toBe(7);
      expect(() => insert.run("e1", null, "lab/4")).toThrow(/NOT NULL/);

      const indexes = db
        .prepare(`SELECT "name","sql" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" = 'Observation'`)
        .all() as { name: string; sql: string | null }[];
      expect(indexes.map((i) => i.name).sort()).toEqual([
        "Observation_bedId_seq_idx",
        "Observation_source_sourceRef_key",
        "Observation_stayId_parameter_observedAt_value_idx",
        "Observation_stayId_resultKey_seq_idx",
        "Observation_unitId_seq_idx",
      ]);
      expect(indexes.find((i) => i.name === "Observation_stayId_resultKey_seq_idx")?.sql).toMatch(
        /WHERE "resultKey" IS NOT NULL/,
      );
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("migrates an empty table whose counter never moved", () => {
    const db = new Database(path.join(dir, "empty.db"));
    try {
      migrate(db, [...EARLIER, THIS]);
      expect(db.prepare(`SELECT COUNT(*) FROM "Observation"`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
