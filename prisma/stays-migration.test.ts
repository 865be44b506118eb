import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const THIS = "20261211000000_stays";
const EARLIER = readdirSync(MIGRATIONS)
  .filter((name) => /^\d/.test(name) && name < THIS)
  .sort();

/** Migrations after this one: applied before the current client reads the rows, since it knows their columns. */
const LATER = readdirSync(MIGRATIONS)
  .filter((name) => /^\d/.test(name) && name > THIS)
  .sort();

const T = Date.UTC(2026, 10, 20, 8);
const H = 3_600_000;

/**
 * A database as the demo seeder and the station wrote it before stays existed: two beds with their patient on open
 * support, one bed whose first patient's episode ended before the next patient's began, readings of each, an alarm,
 * a round and a handover sheet pointing at the episodes.
 */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','01',1), ('b2','u1','02',2), ('b3','u1','03',3);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex","weightKg") VALUES
  ('p1','MRN-1','Alice','Exemple',0,'F',68), ('p2','MRN-2','Bernard','Fictif',0,'M',92), ('p3','MRN-3','Chloé','Factice',0,'F',NULL);
INSERT INTO "User" ("id","username","displayName","role","createdAt","updatedAt") VALUES ('n1','nurse','Nurse','nurse',${T},${T});
INSERT INTO "SupportEpisode" ("id","patientId","bedId","deviceType","startedAt","endedAt","cannulationSite","diagnosis","settings","scenario") VALUES
  ('e1','p1','b1','VA_ECMO',${T},NULL,'femoral right','Cardiogenic shock','{"rpm":3200}','stable_va_ecmo'),
  ('e2old','p2','b2','IABP',${T - 48 * H},${T - 2 * H},'femoral left','High-risk PCI','{"ratio":"1:1"}',NULL),
  ('e3','p3','b2','IABP',${T},NULL,NULL,NULL,'{}',NULL);
INSERT INTO "Observation" ("episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef") VALUES
  ('e1','b1','u1','map',70,'mm[Hg]',${T},${T},'simulator','sim/1'),
  ('e1','b1','u1','map',71,'mm[Hg]',${T + 1000},${T + 1000},'simulator','sim/2'),
  ('e2old','b2','u1','lactate',2.1,'mmol/L',${T - 3 * H},${T - 3 * H},'hl7','lab/1'),
  ('e3','b2','u1','hr',88,'/min',${T},${T},'device','dev/1');
INSERT INTO "Alarm" ("id","unitId","bedId","episodeId","ruleId","origin","priority","messageKey","limitSource","conditionSince","raisedAt","status","lastEventSeq")
  VALUES ('al1','u1','b1','e1','map-low','engine','high','thresholdLow','default',${T},${T},'resolved',1);
INSERT INTO "AlarmEvent" ("alarmId","unitId","bedId","type","at","status") VALUES ('al1','u1','b1','raised',${T},'active');
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "stays-migration-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const exec = (file: string, names: readonly string[]) => {
  const raw = new Database(file);
  try {
    for (const name of names) raw.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  } finally {
    raw.close();
  }
};

const countRows = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    const tables = raw
      .prepare(
        `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE '\\_%' ESCAPE '\\' AND "name" NOT IN ('sqlite_sequence','Stay','BedAssignment','EpisodeSettingChange') ORDER BY "name"`,
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, raw.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get()]));
  } finally {
    raw.close();
  }
};

describe(`migration ${THIS}`, () => {
  it("gives every episode a stay, backfills the readings' stay, and loses no row", async () => {
    const file = path.join(dir, "station.db");
    exec(file, EARLIER);
    const raw = new Database(file);
    raw.exec(EARLIER_ROWS);
    raw.close();
    const before = countRows(file);

    exec(file, [THIS]);

    expect(countRows(file)).toEqual(before);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(check.prepare(`SELECT COUNT(*) FROM "Observation" WHERE "stayId" IS NULL`).pluck().get()).toBe(0);
    check.close();

    // The current client reads every migration's columns (Observation.comparator since 20261213000000_lab_results).
    exec(file, LATER);
    const db = await createDb(`file:${file}`);
    try {
      const stays = await db.stay.findMany({ orderBy: { id: "asc" }, include: { assignments: true, episodes: true } });
      expect(
        stays.map((s) => [s.id, s.bedId, s.openBedKey, s.openPatientKey, s.dischargedAt?.getTime() ?? null]),
      ).toEqual([
        ["stay-e1", "b1", "b1", "p1", null],
        ["stay-e2old", "b2", null, null, T - 2 * H],
        ["stay-e3", "b2", "b2", "p3", null],
      ]);
      const first = stays[0];
      expect(first?.diagnosis).toBe("Cardiogenic shock");
      expect(first?.weightKg).toBe(68);
      expect(first?.admittedAt.getTime()).toBe(T);
      expect(first?.episodes.map((e) => e.id)).toEqual(["e1"]);
      expect(first?.assignments.map((a) => [a.fromBedId, a.toBedId, a.at.getTime()])).toEqual([[null, "b1", T]]);
      // Every reading now names its stay, and still its episode.
      const observations = await db.observation.findMany({
        orderBy: { seq: "asc" },
        select: { episodeId: true, stayId: true },
      });
      expect(observations.map((o) => [o.episodeId, o.stayId])).toEqual([
        ["e1", "stay-e1"],
        ["e1", "stay-e1"],
        ["e2old", "stay-e2old"],
        ["e3", "stay-e3"],
      ]);
      // The settings each episode started with open its settings history; the episode kept its columns.
      const history = await db.episodeSettingChange.findMany({ where: { episodeId: "e1" } });
      expect(history.map((h) => [h.at.getTime(), h.settings])).toEqual([[T, { rpm: 3200 }]]);
      const e1 = await db.supportEpisode.findUniqueOrThrow({ where: { id: "e1" } });
      expect(e1).toMatchObject({ stayId: "stay-e1", scenario: "stable_va_ecmo", cannulationSite: "femoral right" });
    } finally {
      await db.$disconnect();
    }
  });

  it("keeps one open stay per bed: the unique key refuses a second", () => {
    const file = path.join(dir, "station.db");
    exec(file, [...EARLIER, THIS]);
    const raw = new Database(file);
    try {
      raw.exec(
        EARLIER_ROWS.split("\n")
          .filter((l) => !/Observation|Alarm|SupportEpisode|'e[123]/.test(l))
          .join("\n"),
      );
      raw.exec(
        `INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s1','p1','u1','b1','b1','p1',${T})`,
      );
      expect(() =>
        raw.exec(
          `INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt") VALUES ('s2','p2','u1','b1','b1','p2',${T})`,
        ),
      ).toThrow(/UNIQUE/);
    } finally {
      raw.close();
    }
  });
});
