import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applySqliteMigrations, migrationsBefore } from "@/test/support/migration-steps";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const THIS = "20261222000000_alarm_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);

const T = Date.UTC(2026, 11, 1, 8);

/**
 * A database at the migration before this one: a stay whose first support ended (an open alarm of it left, as the
 * clock had not yet ended it; a resolved one) and whose second runs (an open engine alarm, an open round finding),
 * each episode with a stored engine state; the AlarmEvent log of them.
 */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES ('p1','MRN-1','Alice','Exemple',0,'F');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s1','p1','u1','b1','b1','p1',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","endedAt","settings") VALUES
  ('e1','s1','p1','b1','IABP',${T},${T + 3_600_000},'{}'),
  ('e2','s1','p1','b1','VA_ECMO',${T + 3_600_000},NULL,'{}');
INSERT INTO "Alarm" ("id","unitId","bedId","episodeId","ruleId","subjectKey","openKey","origin","priority","messageKey","limitSource","conditionSince","raisedAt","status","resolvedAt","resolution","lastEventSeq") VALUES
  ('a-old','u1','b1','e1','lactate-high','',NULL,'engine','high','lactateHigh','default',${T},${T},'resolved',${T + 1},'cleared',1),
  ('a-ended','u1','b1','e1','helium-low','','e1|helium-low|','engine','high','heliumLow','default',${T},${T},'active',NULL,NULL,2),
  ('a-open','u1','b1','e2','lactate-high','','e2|lactate-high|','engine','high','lactateHigh','default',${T},${T + 3_700_000},'acknowledged',NULL,NULL,3),
  ('a-round','u1','b1','e2','round-abnormal-finding','left-leg','e2|round-abnormal-finding|left-leg','rounds','medium','roundAbnormalFinding','external',${T},${T + 3_700_000},'active',NULL,NULL,4);
INSERT INTO "AlarmEvent" ("alarmId","unitId","bedId","type","at","status","details") VALUES
  ('a-old','u1','b1','raised',${T},'active','{}'),
  ('a-ended','u1','b1','raised',${T},'active','{}'),
  ('a-open','u1','b1','raised',${T + 3_700_000},'active','{}'),
  ('a-round','u1','b1','raised',${T + 3_700_000},'active','{}');
INSERT INTO "AlarmEngineState" ("episodeId","state","lastSeq","updatedAt") VALUES
  ('e1','{"latest":{},"rules":{"helium-low":{}},"evaluatedAt":null}',10,${T}),
  ('e2','{"latest":{},"rules":{},"evaluatedAt":null}',42,${T + 3_700_000});
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "alarm-stay-migration-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const migrate = (db: Database.Database, names: readonly string[]) => applySqliteMigrations(db, MIGRATIONS, names);

describe(`migration ${THIS}`, () => {
  it("keeps every alarm and its log, gives each its stay, keys the running support's engine alarms by stay", () => {
    const db = new Database(path.join(dir, "station.db"));
    try {
      migrate(db, EARLIER);
      db.exec(EARLIER_ROWS);
      const events = db.prepare(`SELECT * FROM "AlarmEvent" ORDER BY "seq"`).all();

      migrate(db, [THIS]);

      expect(
        db.prepare(`SELECT "id","stayId","episodeId","openKey","status" FROM "Alarm" ORDER BY "id"`).all(),
      ).toEqual([
        // An ended support's open alarm keeps its episode's key: the engine's clock ends it.
        { id: "a-ended", stayId: "s1", episodeId: "e1", openKey: "e1|helium-low|", status: "active" },
        { id: "a-old", stayId: "s1", episodeId: "e1", openKey: null, status: "resolved" },
        { id: "a-open", stayId: "s1", episodeId: "e2", openKey: "s1|lactate-high|", status: "acknowledged" },
        // An outside raiser's alarm stays its episode's.
        {
          id: "a-round",
          stayId: "s1",
          episodeId: "e2",
          openKey: "e2|round-abnormal-finding|left-leg",
          status: "active",
        },
      ]);
      expect(db.prepare(`SELECT * FROM "AlarmEvent" ORDER BY "seq"`).all()).toEqual(events);
      // The running support's state is the stay's; the ended one's is dropped.
      expect(db.prepare(`SELECT "stayId","lastSeq" FROM "AlarmEngineState"`).all()).toEqual([
        { stayId: "s1", lastSeq: 42 },
      ]);

      // An alarm of the stay with no episode (a lactate with no support running) is accepted; one with no stay is not.
      const insert = db.prepare(
        `INSERT INTO "Alarm" ("id","unitId","bedId","stayId","episodeId","ruleId","origin","priority","messageKey","limitSource","conditionSince","raisedAt","status","lastEventSeq")
         VALUES (?, 'u1','b1', ?, NULL, 'lactate-medium','engine','medium','lactateMedium','default',${T},${T},'active',0)`,
      );
      insert.run("a-stay", "s1");
      expect(() => insert.run("a-none", null)).toThrow(/NOT NULL/);
      expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
