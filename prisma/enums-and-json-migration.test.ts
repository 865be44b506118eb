import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/server/migrate";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const THIS = "20261203000000_enums_and_json";
const EARLIER = readdirSync(MIGRATIONS)
  .filter((name) => /^\d/.test(name) && name < THIS)
  .sort();

/** Migrations after this one: applied before the current client reads the rows, since it knows their columns. */
const LATER = readdirSync(MIGRATIONS)
  .filter((name) => /^\d/.test(name) && name > THIS)
  .sort();

const T = Date.UTC(2026, 10, 20, 8);

/**
 * Rows as the code before this migration wrote them: enum values as plain text, structured values as JSON text, a
 * handover amendment's value as the text itself (or JSON text for contingencies).
 */
const EARLIER_ROWS = `
INSERT INTO "Unit" ("id","name","timeZone","createdAt") VALUES ('u1','ICU','Europe/Paris',${T});
INSERT INTO "Bed" ("id","unitId","label","position") VALUES ('b1','u1','1',1);
INSERT INTO "Patient" ("id","identifier","givenName","familyName","birthDate","sex") VALUES ('p1','MRN-1','Synthetic','Patient',0,'F');
INSERT INTO "User" ("id","username","displayName","role","createdAt","updatedAt") VALUES ('n1','nurse','Nurse','nurse',${T},${T});
INSERT INTO "SupportEpisode" ("id","patientId","bedId","deviceType","startedAt","settings","saveScoreInputs")
  VALUES ('e1','p1','b1','VA_ECMO_IABP',${T},'{"ratio":"1:2","rpm":3200}','{"ageYears":50,"recordedAt":5}');
INSERT INTO "Observation" ("episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
  VALUES ('e1','b1','u1','map',70,'mm[Hg]',${T},${T},'simulator','sim/1');
INSERT INTO "ImportJob" ("id","kind","fileName","status","actor","ignoredCodes","startedAt") VALUES ('j1','csv','labs.csv','done','http','{"LN 26453-1":2}',${T});
INSERT INTO "ImportRejection" ("jobId","location","field","value","code","reason") VALUES ('j1','labs.csv line 3','valueuom','mg','UNIT_NOT_ACCEPTED','unit');
INSERT INTO "AuditEvent" ("at","actorId","actorName","actorRole","action","outcome","details") VALUES (${T},'n1','nurse','nurse','auth.sign-in','success','{}');
INSERT INTO "AuditEvent" ("at","actorName","action","outcome","details") VALUES (${T},'nobody','auth.sign-in-failed','failure','{"reason":"unknown-username"}');
INSERT INTO "UnitShiftPattern" ("unitId","shifts","updatedAt") VALUES ('u1','{"shifts":[{"name":"day","start":"07:00"},{"name":"night","start":"19:00"}]}',${T});
INSERT INTO "HandoverSheet" ("id","unitId","bedId","episodeId","shiftKey","shiftStart","shiftEnd","status","illnessSeverity","situation","contingencies","notes","version","createdAt","createdById","updatedAt","updatedById","generated","actions","signedOutAt","signedOutById")
  VALUES ('s1','u1','b1','e1','2026-11-20/day',${T},${T + 12 * 3_600_000},'signed_out','watcher','Quiet','[{"if":"MAP < 60","then":"call"}]','',3,${T},'n1',${T},'n1','{"patient":{"initials":"SP"}}','[{"id":"a1","text":"Labs at 6"}]',${T},'n1');
INSERT INTO "HandoverAmendment" ("id","sheetId","field","value","reason","amendedAt","amendedById") VALUES
  ('am1','s1','situation','Quiet night, "no" events','typo',${T},'n1'),
  ('am2','s1','contingencies','[{"if":"bleeding","then":"stop heparin"}]','added',${T + 1},'n1'),
  ('am3','s1','illnessSeverity','stable','reassessed',${T + 2},'n1');
INSERT INTO "Alarm" ("id","unitId","bedId","episodeId","ruleId","openKey","origin","priority","messageKey","parameter","value","limit","comparison","valueUnit","limitSource","conditionSince","raisedAt","status","acknowledgedAt","acknowledgedById","acknowledgedReason","details","lastEventSeq")
  VALUES ('al1','u1','b1','e1','map-low','e1|map-low|','engine','high','thresholdLow','map',55,60,'lt','mm[Hg]','unit-override',${T},${T},'acknowledged',${T},'n1','treated','{"prompt":null,"source":"ELSO"}',2);
INSERT INTO "AlarmEvent" ("alarmId","unitId","bedId","type","at","status","details") VALUES ('al1','u1','b1','raised',${T},'active','{"value":55}');
INSERT INTO "AlarmEvent" ("alarmId","unitId","bedId","type","at","actorId","status","details") VALUES ('al1','u1','b1','acknowledged',${T},'n1','acknowledged','{"reason":"treated"}');
INSERT INTO "AlarmEvent" ("unitId","type","at","actorId","details") VALUES ('u1','audio-paused',${T},'n1','{"until":${T + 120_000}}');
INSERT INTO "AlarmLimitOverride" ("id","ruleId","scope","scopeKey","unitId","episodeId","version","limits","reason","createdById","createdAt") VALUES
  ('o1','map-low','episode','episode:e1','u1','e1',1,'{"value":60}','target MAP 60','n1',${T}),
  ('o2','map-low','episode','episode:e1','u1','e1',2,NULL,'back to the default','n1',${T + 1});
INSERT INTO "AlarmEngineState" ("episodeId","state","lastSeq","updatedAt") VALUES ('e1','{"rules":{}}',1,${T});
INSERT INTO "RoundTemplate" ("id","deviceType","version","publishedAt") VALUES ('t1','IABP',1,${T});
INSERT INTO "RoundTemplateItem" ("templateId","itemId","position","sectionEn","sectionFr","labelEn","labelFr","type","frequency","choices") VALUES
  ('t1','leg.pulse',1,'Leg','Jambe','Pulse','Pouls','choice','hourly','[{"value":"weak","labelEn":"Weak","labelFr":"Faible","abnormal":true}]'),
  ('t1','site',2,'Site','Site','Site','Site','normal_abnormal','shift',NULL);
INSERT INTO "Round" ("id","unitId","bedId","episodeId","templateId","signedAt","signedById","frequencies","abnormalCount") VALUES ('r1','u1','b1','e1','t1',${T},'n1','["hourly","shift"]',1);
INSERT INTO "RoundAnswer" ("roundId","itemId","value","abnormal") VALUES ('r1','leg.pulse','weak',1);
INSERT INTO "FourTsScreen" ("episodeId","recordedAt","recordedById","answers","inputs","sources","total","probability")
  VALUES ('e1',${T},'n1','{"thrombocytopenia":2}','{"platelets":null}','{"thrombocytopenia":"data"}',2,'low');
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "enums-json-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations' SQL applied directly, as test/support/create-test-db.ts applies them. */
const execMigrations = (file: string, names: readonly string[]) => {
  const raw = new Database(file);
  try {
    for (const name of names) raw.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  } finally {
    raw.close();
  }
};

/**
 * `prisma migrate deploy` of the named migrations only (the earlier ones, or those and this one): a project folder
 * that has nothing else, so that migrations written after this one do not change what is compared.
 */
async function deployOnly(url: string, names: readonly string[], folder: string): Promise<void> {
  const project = path.join(dir, folder);
  mkdirSync(path.join(project, "prisma", "migrations"), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  cpSync(path.join(ROOT, "prisma.config.ts"), path.join(project, "prisma.config.ts"));
  cpSync(path.join(ROOT, "prisma", "schema.prisma"), path.join(project, "prisma", "schema.prisma"));
  cpSync(
    path.join(MIGRATIONS, "migration_lock.toml"),
    path.join(project, "prisma", "migrations", "migration_lock.toml"),
  );
  for (const name of names)
    cpSync(path.join(MIGRATIONS, name), path.join(project, "prisma", "migrations", name), { recursive: true });
  await applyMigrations(url, project);
}

/** What must come through the migration unchanged: every row, every trigger, every AUTOINCREMENT sequence. */
function inventory(file: string) {
  const raw = new Database(file, { readonly: true });
  try {
    const tables = raw
      .prepare(
        `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE '\\_%' ESCAPE '\\' AND "name" <> 'sqlite_sequence' ORDER BY "name"`,
      )
      .pluck()
      .all() as string[];
    return {
      counts: Object.fromEntries(tables.map((t) => [t, raw.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get()])),
      triggers: raw
        .prepare(`SELECT "name", "tbl_name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "name"`)
        .all(),
      sequences: raw.prepare(`SELECT "name", "seq" FROM "sqlite_sequence" ORDER BY "name"`).all(),
    };
  } finally {
    raw.close();
  }
}

describe(`migration ${THIS}`, () => {
  it.each(["prisma migrate deploy", "the tests' database helper"] as const)(
    "keeps every row, trigger and sequence of an earlier database, read by the new client as enums and JSON (%s)",
    async (how) => {
      const file = path.join(dir, "station.db");
      const url = `file:${file}`;
      if (how === "prisma migrate deploy") await deployOnly(url, EARLIER, "earlier");
      else execMigrations(file, EARLIER);
      const raw = new Database(file);
      raw.exec(EARLIER_ROWS);
      // A sequence ahead of the largest row (rows inserted by a transaction that rolled back): never handed out again.
      raw.prepare(`UPDATE "sqlite_sequence" SET "seq" = 50 WHERE "name" = 'AlarmEvent'`).run();
      raw.close();
      const before = inventory(file);

      if (how === "prisma migrate deploy") await deployOnly(url, [...EARLIER, THIS], "through-this");
      else execMigrations(file, [THIS]);

      expect(inventory(file)).toEqual(before);
      const check = new Database(file, { readonly: true });
      expect(check.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      check.close();

      // The current client reads the columns of every migration (SupportEpisode.stayId since 20261211000000_stays).
      execMigrations(file, LATER);
      const db = await createDb(url);
      try {
        expect(await db.patient.findUniqueOrThrow({ where: { id: "p1" } })).toMatchObject({ sex: "F" });
        expect(await db.supportEpisode.findUniqueOrThrow({ where: { id: "e1" } })).toMatchObject({
          deviceType: "VA_ECMO_IABP",
          settings: { ratio: "1:2", rpm: 3200 },
          saveScoreInputs: { ageYears: 50, recordedAt: 5 },
        });
        // Only the columns this migration knew: a later migration adds columns (20261213000000_lab_results) that the
        // current client would select and a database migrated only this far does not hold.
        expect(await db.observation.findFirstOrThrow({ select: { source: true } })).toMatchObject({
          source: "simulator",
        });
        expect(
          await db.importJob.findUniqueOrThrow({ where: { id: "j1" }, include: { rejections: true } }),
        ).toMatchObject({
          kind: "csv",
          status: "done",
          ignoredCodes: { "LN 26453-1": 2 },
          rejections: [{ code: "UNIT_NOT_ACCEPTED" }],
        });
        expect(await db.user.findUniqueOrThrow({ where: { id: "n1" } })).toMatchObject({ role: "nurse" });
        expect(await db.auditEvent.findMany({ orderBy: { id: "asc" } })).toMatchObject([
          { id: 1, actorRole: "nurse", outcome: "success", details: {} },
          { id: 2, actorRole: null, outcome: "failure", details: { reason: "unknown-username" } },
        ]);
        expect(await db.unitShiftPattern.findUniqueOrThrow({ where: { unitId: "u1" } })).toMatchObject({
          shifts: {
            shifts: [
              { name: "day", start: "07:00" },
              { name: "night", start: "19:00" },
            ],
          },
        });
        expect(await db.handoverSheet.findUniqueOrThrow({ where: { id: "s1" } })).toMatchObject({
          status: "signed_out",
          illnessSeverity: "watcher",
          contingencies: [{ if: "MAP < 60", then: "call" }],
          generated: { patient: { initials: "SP" } },
          actions: [{ id: "a1", text: "Labs at 6" }],
        });
        expect(
          (await db.handoverAmendment.findMany({ orderBy: { amendedAt: "asc" } })).map((a) => [a.field, a.value]),
        ).toEqual([
          ["situation", 'Quiet night, "no" events'],
          ["contingencies", [{ if: "bleeding", then: "stop heparin" }]],
          ["illnessSeverity", "stable"],
        ]);
        expect(await db.alarm.findUniqueOrThrow({ where: { id: "al1" } })).toMatchObject({
          origin: "engine",
          priority: "high",
          comparison: "lt",
          status: "acknowledged",
          acknowledgedReason: "treated",
          limitSource: "unit-override",
          details: { prompt: null, source: "ELSO" },
        });
        expect(
          (await db.alarmEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => [
            Number(e.seq),
            e.type,
            e.status,
            e.details,
          ]),
        ).toEqual([
          [1, "raised", "active", { value: 55 }],
          [2, "acknowledged", "acknowledged", { reason: "treated" }],
          [3, "audio-paused", null, { until: T + 120_000 }],
        ]);
        expect(
          (await db.alarmLimitOverride.findMany({ orderBy: { version: "asc" } })).map((o) => [o.scope, o.limits]),
        ).toEqual([
          ["episode", { value: 60 }],
          ["episode", null],
        ]);
        expect(await db.alarmEngineState.findUniqueOrThrow({ where: { stayId: "stay-e1" } })).toMatchObject({
          state: { rules: {} },
        });
        expect(
          await db.roundTemplate.findUniqueOrThrow({
            where: { id: "t1" },
            include: { items: { orderBy: { position: "asc" } } },
          }),
        ).toMatchObject({
          deviceType: "IABP",
          items: [
            {
              type: "choice",
              frequency: "hourly",
              choices: [{ value: "weak", labelEn: "Weak", labelFr: "Faible", abnormal: true }],
            },
            { type: "normal_abnormal", frequency: "shift", choices: null },
          ],
        });
        expect(await db.round.findUniqueOrThrow({ where: { id: "r1" } })).toMatchObject({
          frequencies: ["hourly", "shift"],
        });
        expect(await db.fourTsScreen.findFirstOrThrow()).toMatchObject({
          answers: { thrombocytopenia: 2 },
          inputs: { platelets: null },
          sources: { thrombocytopenia: "data" },
          probability: "low",
        });

        // The next seq follows the one the sequence had reached, not the largest row.
        const next = await db.alarmEvent.create({
          data: { unitId: "u1", type: "audio-paused", at: new Date(T), details: { until: T } },
        });
        expect(next.seq).toBe(51n);
      } finally {
        await db.$disconnect();
      }
      // The append-only and signed-document triggers still refuse.
      const write = new Database(file);
      try {
        for (const [statement, refusal] of [
          [`UPDATE "AuditEvent" SET "outcome" = 'denied'`, /AuditEvent is append-only/],
          [`DELETE FROM "AlarmEvent"`, /AlarmEvent is append-only/],
          [`UPDATE "AlarmLimitOverride" SET "reason" = 'edited'`, /AlarmLimitOverride is append-only/],
          [`UPDATE "HandoverSheet" SET "contingencies" = '[]'`, /signed handover sheet is immutable/],
          [`DELETE FROM "HandoverSheet"`, /signed handover sheet cannot be deleted/],
          [`DELETE FROM "HandoverAmendment"`, /HandoverAmendment is append-only/],
          [`UPDATE "Round" SET "frequencies" = '["hourly"]'`, /Round is signed/],
          [`UPDATE "RoundTemplateItem" SET "position" = 9`, /published round template version cannot be changed/],
        ] as const) {
          expect(() => write.exec(statement), statement).toThrow(refusal);
        }
      } finally {
        write.close();
      }
    },
    60_000,
  );

  it.each([
    [`UPDATE "Patient" SET "sex" = 'X'`, "Patient.sex holds 'X', which is not one of its enum values"],
    [`UPDATE "Alarm" SET "status" = 'silenced'`, "Alarm.status holds 'silenced', which is not one of its enum values"],
    [`UPDATE "SupportEpisode" SET "settings" = '{ratio: 1}'`, "SupportEpisode.settings of row 'e1' is not JSON"],
    [`UPDATE "AlarmEngineState" SET "state" = ''`, "AlarmEngineState.state of row 'e1' is not JSON"],
  ])("stops before changing anything when a row could not be read afterwards (%s)", (corrupt, message) => {
    const file = path.join(dir, "station.db");
    execMigrations(file, EARLIER);
    const raw = new Database(file);
    raw.exec(EARLIER_ROWS);
    raw.exec(corrupt);
    const schemaBefore = raw.prepare(`SELECT "sql" FROM "sqlite_master" ORDER BY "name"`).pluck().all();
    raw.close();

    expect(() => execMigrations(file, [THIS])).toThrow(`Not migrated: ${message}`);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT "sql" FROM "sqlite_master" ORDER BY "name"`).pluck().all()).toEqual(schemaBefore);
    after.close();
  });
});
