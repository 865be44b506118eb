import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applySqliteMigrations, migrationsBefore } from "@/test/support/migration-steps";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const THIS = "20261224000000_lab_refusal_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);

const T = Date.UTC(2026, 11, 1, 8);

/**
 * A database at the migration before this one: a stay whose IABP ended (a refusal of it dealt with) and whose ECMO
 * runs (a refusal still open, with its technical alarm keyed by the episode, beside a round finding's alarm).
 */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES ('p1','MRN-1','Alice','Exemple',0,'F');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s1','p1','u1','b1','b1','p1',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","endedAt","settings") VALUES
  ('e1','s1','p1','b1','IABP',${T},${T + 3_600_000},'{}'),
  ('e2','s1','p1','b1','VA_ECMO',${T + 3_600_000},NULL,'{}');
INSERT INTO "LabRefusal" ("id","episodeId","bedId","unitId","parameter","observedAt","receivedAt","kind","field","value","reason","source","sourceRef","resolvedAt","resolvedById") VALUES
  ('r-done','e1','b1','u1','platelets',${T},${T},'unit','OBX-6','bogus','unit not read','hl7','m1|1',${T + 60_000},'u-nurse'),
  ('r-open','e2','b1','u1','anti_xa',NULL,${T + 3_700_000},'value','OBX-5','<<','value not read','hl7','m2|1',NULL,NULL);
INSERT INTO "Alarm" ("id","unitId","bedId","stayId","episodeId","ruleId","subjectKey","openKey","origin","priority","messageKey","limitSource","conditionSince","raisedAt","status","lastEventSeq") VALUES
  ('a-lab','u1','b1','s1','e2','lab-result-unreadable','r-open','e2|lab-result-unreadable|r-open','labs','technical','labResultUnreadable','external',${T},${T + 3_700_000},'active',1),
  ('a-round','u1','b1','s1','e2','round-abnormal-finding','left-leg','e2|round-abnormal-finding|left-leg','rounds','medium','roundAbnormalFinding','external',${T},${T + 3_700_000},'active',2);
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lab-refusal-stay-migration-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const migrate = (db: Database.Database, names: readonly string[]) => applySqliteMigrations(db, MIGRATIONS, names);

describe(`migration ${THIS}`, () => {
  it("keeps every refusal with its stay, and keys an open refusal's alarm by the stay", () => {
    const db = new Database(path.join(dir, "station.db"));
    try {
      migrate(db, EARLIER);
      db.exec(EARLIER_ROWS);
      const before = db.prepare(`SELECT * FROM "LabRefusal" ORDER BY "id"`).all() as Record<string, unknown>[];

      migrate(db, [THIS]);

      expect(db.prepare(`SELECT * FROM "LabRefusal" ORDER BY "id"`).all()).toEqual(
        before.map((r) => ({ ...r, stayId: "s1" })),
      );
      expect(db.prepare(`SELECT "id","openKey" FROM "Alarm" ORDER BY "id"`).all()).toEqual([
        { id: "a-lab", openKey: "s1|lab-result-unreadable|r-open" },
        // An outside raiser's alarm about the support keeps its episode's key.
        { id: "a-round", openKey: "e2|round-abnormal-finding|left-leg" },
      ]);

      // A refusal of a stay with no support running is accepted; one with no stay is not.
      const insert = db.prepare(
        `INSERT INTO "LabRefusal" ("id","stayId","episodeId","bedId","unitId","parameter","receivedAt","kind","field","value","reason","source","sourceRef")
         VALUES (?, ?, NULL, 'b1','u1','lactate',${T},'unit','OBX-6','x','unit not read','hl7',?)`,
      );
      insert.run("r-stay", "s1", "m3|1");
      expect(() => insert.run("r-none", null, "m4|1")).toThrow(/NOT NULL/);
      expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
