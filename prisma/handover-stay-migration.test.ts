import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applySqliteMigrations, migrationsBefore } from "@/test/support/migration-steps";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const THIS = "20261223000000_handover_stay";
const EARLIER = migrationsBefore(MIGRATIONS, THIS);

const T = Date.UTC(2026, 11, 1, 8);

/**
 * A database at the migration before this one: two stays, each with its episode; a signed and received sheet with an
 * amendment, a draft, and two actions (one done), all keyed by their episode.
 */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1), ('b2','u1','02',2);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES
  ('p1','MRN-1','Alice','Exemple',0,'F'), ('p2','MRN-2','Bob','Exemple',0,'M');
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES
  ('s1','p1','u1','b1','b1','p1',${T}), ('s2','p2','u1','b2','b2','p2',${T});
INSERT INTO "SupportEpisode" ("id","stayId","patientId","bedId","deviceType","startedAt","endedAt","settings") VALUES
  ('e1','s1','p1','b1','IABP',${T},NULL,'{}'), ('e2','s2','p2','b2','VA_ECMO',${T},NULL,'{}');
INSERT INTO "HandoverSheet" ("id","unitId","bedId","episodeId","shiftKey","shiftStart","shiftEnd","status","illnessSeverity","situation","contingencies","notes","version","createdAt","createdById","updatedAt","updatedById","generated","actions","signedOutAt","signedOutById","receivedAt","receivedById","readBack") VALUES
  ('h-signed','u1','b1','e1','2026-12-01/day',${T},${T + 12 * 3_600_000},'received','watcher','Weaning.','[{"if":"MAP < 65","then":"call"}]','',3,${T},'n1',${T},'n1','{"frozen":true}','[]',${T + 3_600_000},'n1',${T + 7_200_000},'n2','Weaning, call if MAP < 65.'),
  ('h-draft','u1','b2','e2','2026-12-01/day',${T},${T + 12 * 3_600_000},'draft',NULL,'Stable.','[]','',1,${T},'n1',${T},'n1',NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "HandoverAmendment" ("id","sheetId","field","value","reason","amendedAt","amendedById") VALUES
  ('am1','h-signed','notes','"Left foot cold at 10:00"','forgot it',${T + 3 * 3_600_000},'n1');
INSERT INTO "HandoverAction" ("id","unitId","bedId","episodeId","text","createdAt","createdById","doneAt","doneById") VALUES
  ('a-open','u1','b1','e1','Check the left foot',${T},'n1',NULL,NULL),
  ('a-done','u1','b2','e2','Send the lactate',${T},'n1',${T + 3_600_000},'n2');
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "handover-stay-migration-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const migrate = (db: Database.Database, names: readonly string[]) => applySqliteMigrations(db, MIGRATIONS, names);

describe(`migration ${THIS}`, () => {
  it("keeps every sheet, amendment and action, gives each its episode's stay, and keeps a signed sheet immutable", () => {
    const db = new Database(path.join(dir, "station.db"));
    try {
      migrate(db, EARLIER);
      db.exec(EARLIER_ROWS);
      const sheets = db.prepare(`SELECT * FROM "HandoverSheet" ORDER BY "id"`).all() as Record<string, unknown>[];
      const actions = db.prepare(`SELECT * FROM "HandoverAction" ORDER BY "id"`).all() as Record<string, unknown>[];
      const amendments = db.prepare(`SELECT * FROM "HandoverAmendment"`).all();

      migrate(db, [THIS]);

      const stays: Record<string, string> = { e1: "s1", e2: "s2" };
      const withStay = (row: Record<string, unknown>) => ({ ...row, stayId: stays[row.episodeId as string] });
      expect(db.prepare(`SELECT * FROM "HandoverSheet" ORDER BY "id"`).all()).toEqual(sheets.map(withStay));
      expect(db.prepare(`SELECT * FROM "HandoverAction" ORDER BY "id"`).all()).toEqual(actions.map(withStay));
      expect(db.prepare(`SELECT * FROM "HandoverAmendment"`).all()).toEqual(amendments);

      // A sheet or an action of a stay with no support is accepted; one with no stay is not.
      const sheet = db.prepare(
        `INSERT INTO "HandoverSheet" ("id","unitId","bedId","stayId","episodeId","shiftKey","shiftStart","shiftEnd","status","createdAt","createdById","updatedAt","updatedById")
         VALUES (?, 'u1','b1', ?, NULL, ?, ${T},${T},'draft',${T},'n1',${T},'n1')`,
      );
      sheet.run("h-stay", "s1", "2026-12-01/night");
      expect(() => sheet.run("h-none", null, "2026-12-02/day")).toThrow(/NOT NULL/);
      // The triggers came back with the table: a signed sheet's stay cannot be changed, nor the sheet deleted.
      expect(() => db.exec(`UPDATE "HandoverSheet" SET "stayId" = 's2' WHERE "id" = 'h-signed'`)).toThrow(/immutable/);
      expect(() => db.exec(`DELETE FROM "HandoverSheet" WHERE "id" = 'h-signed'`)).toThrow(/cannot be deleted/);
      db.exec(`UPDATE "HandoverSheet" SET "notes" = 'typed' WHERE "id" = 'h-draft'`);
      expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
