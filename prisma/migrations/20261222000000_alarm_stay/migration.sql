-- Issue 15: the alarm engine judges the whole stay (docs/stays.md, docs/alarms.md). An alarm belongs to a stay
-- ("stayId" required) and names the support episode running when it was raised ("episodeId", null when none ran: a
-- lactate before cannulation, a limb check after an IABP's removal). The engine's stored memory is a stay's.
-- SQLite cannot change a column's nullability: the table is rebuilt, every row kept (AlarmEvent's rows point at the
-- same ids; Alarm has no triggers and no AUTOINCREMENT counter to carry).
-- Each alarm gets its episode's stay. The open key of an engine alarm of a running episode becomes the stay's
-- ("<stayId>|<ruleId>|", lib/alarms/external-alarm-schema.ts: one open alarm per rule per stay); an outside raiser's
-- alarm (a round finding, a protocol step) stays keyed by its episode; an open alarm of an episode that has already
-- ended keeps its old key (an episode id, so it cannot collide), and the engine's clock ends it by its id.
-- The stored evaluator state of each running episode becomes its stay's (its lastSeq: the stay's readings after it
-- are judged at the next start, including those no episode held, never judged before); an ended episode's state
-- is dropped (the engine stopped watching it).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alarm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "stayId" TEXT NOT NULL,
    "episodeId" TEXT,
    "ruleId" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL DEFAULT '',
    "openKey" TEXT,
    "origin" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "parameter" TEXT,
    "value" REAL,
    "limit" REAL,
    "comparison" TEXT,
    "valueUnit" TEXT,
    "limitSource" TEXT NOT NULL,
    "limitSourceRef" TEXT,
    "raisedBySeq" INTEGER,
    "conditionSince" DATETIME NOT NULL,
    "raisedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "conditionActive" BOOLEAN NOT NULL DEFAULT true,
    "clearedAt" DATETIME,
    "clearedBySeq" INTEGER,
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "acknowledgedReason" TEXT,
    "acknowledgedComment" TEXT,
    "resolvedAt" DATETIME,
    "resolution" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "lastEventSeq" INTEGER NOT NULL,
    CONSTRAINT "Alarm_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Alarm_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Alarm" ("acknowledgedAt", "acknowledgedById", "acknowledgedComment", "acknowledgedReason", "bedId", "clearedAt", "clearedBySeq", "comparison", "conditionActive", "conditionSince", "details", "episodeId", "stayId", "id", "lastEventSeq", "limit", "limitSource", "limitSourceRef", "messageKey", "openKey", "origin", "parameter", "priority", "raisedAt", "raisedBySeq", "resolution", "resolvedAt", "ruleId", "status", "subjectKey", "unitId", "value", "valueUnit")
SELECT a."acknowledgedAt", a."acknowledgedById", a."acknowledgedComment", a."acknowledgedReason", a."bedId", a."clearedAt", a."clearedBySeq", a."comparison", a."conditionActive", a."conditionSince", a."details", a."episodeId", e."stayId", a."id", a."lastEventSeq", a."limit", a."limitSource", a."limitSourceRef", a."messageKey",
       CASE WHEN a."openKey" IS NOT NULL AND a."origin" = 'engine' AND e."endedAt" IS NULL
            THEN e."stayId" || '|' || a."ruleId" || '|' || a."subjectKey" ELSE a."openKey" END,
       a."origin", a."parameter", a."priority", a."raisedAt", a."raisedBySeq", a."resolution", a."resolvedAt", a."ruleId", a."status", a."subjectKey", a."unitId", a."value", a."valueUnit"
  FROM "Alarm" a JOIN "SupportEpisode" e ON e."id" = a."episodeId";
DROP TABLE "Alarm";
ALTER TABLE "new_Alarm" RENAME TO "Alarm";
CREATE UNIQUE INDEX "Alarm_openKey_key" ON "Alarm"("openKey");
CREATE INDEX "Alarm_unitId_status_idx" ON "Alarm"("unitId", "status");
CREATE INDEX "Alarm_unitId_raisedAt_idx" ON "Alarm"("unitId", "raisedAt");
CREATE INDEX "Alarm_bedId_raisedAt_idx" ON "Alarm"("bedId", "raisedAt");
CREATE INDEX "Alarm_stayId_status_idx" ON "Alarm"("stayId", "status");
CREATE INDEX "Alarm_episodeId_ruleId_idx" ON "Alarm"("episodeId", "ruleId");
CREATE TABLE "new_AlarmEngineState" (
    "stayId" TEXT NOT NULL PRIMARY KEY,
    "state" JSONB NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT OR IGNORE INTO "new_AlarmEngineState" ("stayId", "lastSeq", "state", "updatedAt")
SELECT e."stayId", s."lastSeq", s."state", s."updatedAt"
  FROM "AlarmEngineState" s JOIN "SupportEpisode" e ON e."id" = s."episodeId"
 WHERE e."endedAt" IS NULL;
DROP TABLE "AlarmEngineState";
ALTER TABLE "new_AlarmEngineState" RENAME TO "AlarmEngineState";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
