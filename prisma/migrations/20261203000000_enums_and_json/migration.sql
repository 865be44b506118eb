-- Closed sets as enums and structured values as Json (prisma/schema.prisma). An enum is still TEXT holding the same
-- strings, so its columns need no change; a Json column is declared JSONB, which SQLite can only give a column by
-- rebuilding its table: the tables with one are rebuilt as Prisma's `migrate diff` renders them (SQLite's procedure:
-- create the new table, copy, drop the old, rename), their indexes and triggers (append-only logs, signed documents)
-- re-created as the earlier migrations wrote them. The JSON text is copied as it is, except HandoverAmendment.value,
-- whose plain texts become JSON strings. A Json default is written quoted: `migrate diff` renders `DEFAULT {}`, which
-- SQLite refuses (Prisma issue #26571). A migration that puts a trigger on one of these tables sorts after this one:
-- sorted before, its trigger would go with the table (prisma/enums-and-json-migration.test.ts would say so).

-- The new client refuses a row whose enum column holds a value it does not know, or whose Json column holds text that
-- is not JSON: such a row is reported here, before anything changes, rather than found by a screen that fails later.
CREATE TEMP TABLE "_UnreadableValue" ("what" TEXT NOT NULL);
CREATE TEMP TRIGGER "_UnreadableValue_refused" BEFORE INSERT ON "_UnreadableValue"
BEGIN
    SELECT RAISE(ABORT, 'Not migrated: ' || NEW."what");
END;

INSERT INTO "_UnreadableValue" SELECT 'Patient.sex holds ' || quote("sex") || ', which is not one of its enum values' FROM "Patient" WHERE "sex" NOT IN ('F', 'M', 'O', 'U') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'SupportEpisode.deviceType holds ' || quote("deviceType") || ', which is not one of its enum values' FROM "SupportEpisode" WHERE "deviceType" NOT IN ('VA_ECMO', 'IABP', 'VA_ECMO_IABP') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Observation.source holds ' || quote("source") || ', which is not one of its enum values' FROM "Observation" WHERE "source" NOT IN ('simulator', 'device', 'hl7', 'fhir', 'csv', 'manual', 'round') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'ImportJob.kind holds ' || quote("kind") || ', which is not one of its enum values' FROM "ImportJob" WHERE "kind" NOT IN ('hl7', 'fhir', 'csv', 'mimic') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'ImportJob.status holds ' || quote("status") || ', which is not one of its enum values' FROM "ImportJob" WHERE "status" NOT IN ('running', 'done', 'failed') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'ImportRejection.code holds ' || quote("code") || ', which is not one of its enum values' FROM "ImportRejection" WHERE "code" NOT IN ('INVALID_READING', 'UNKNOWN_PARAMETER', 'UNIT_NOT_ACCEPTED', 'IMPLAUSIBLE_VALUE', 'NOT_ALLOWED_VALUE', 'FUTURE_TIME', 'UNKNOWN_EPISODE', 'OUTSIDE_EPISODE', 'PARAMETER_NOT_FOR_DEVICE', 'UNREADABLE', 'PENDING_RESULT', 'STATUS_NOT_ACCEPTED', 'NOT_NUMERIC', 'INVALID_TIME', 'MISSING_PATIENT', 'UNKNOWN_PATIENT', 'NO_ACTIVE_EPISODE') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'User.role holds ' || quote("role") || ', which is not one of its enum values' FROM "User" WHERE "role" NOT IN ('nurse', 'physician', 'perfusionist', 'admin', 'display') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AuditEvent.actorRole holds ' || quote("actorRole") || ', which is not one of its enum values' FROM "AuditEvent" WHERE "actorRole" NOT IN ('nurse', 'physician', 'perfusionist', 'admin', 'display') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AuditEvent.outcome holds ' || quote("outcome") || ', which is not one of its enum values' FROM "AuditEvent" WHERE "outcome" NOT IN ('success', 'failure', 'denied') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverSheet.status holds ' || quote("status") || ', which is not one of its enum values' FROM "HandoverSheet" WHERE "status" NOT IN ('draft', 'signed_out', 'received') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverSheet.illnessSeverity holds ' || quote("illnessSeverity") || ', which is not one of its enum values' FROM "HandoverSheet" WHERE "illnessSeverity" NOT IN ('stable', 'watcher', 'unstable') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverAmendment.field holds ' || quote("field") || ', which is not one of its enum values' FROM "HandoverAmendment" WHERE "field" NOT IN ('illnessSeverity', 'situation', 'contingencies', 'notes') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Alarm.origin holds ' || quote("origin") || ', which is not one of its enum values' FROM "Alarm" WHERE "origin" NOT IN ('engine', 'rounds') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Alarm.priority holds ' || quote("priority") || ', which is not one of its enum values' FROM "Alarm" WHERE "priority" NOT IN ('high', 'medium', 'low', 'technical') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Alarm.comparison holds ' || quote("comparison") || ', which is not one of its enum values' FROM "Alarm" WHERE "comparison" NOT IN ('gte', 'gt', 'lte', 'lt') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Alarm.status holds ' || quote("status") || ', which is not one of its enum values' FROM "Alarm" WHERE "status" NOT IN ('active', 'acknowledged', 'latched', 'resolved') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Alarm.acknowledgedReason holds ' || quote("acknowledgedReason") || ', which is not one of its enum values' FROM "Alarm" WHERE "acknowledgedReason" NOT IN ('treated', 'artefact', 'expected', 'other') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AlarmEvent.status holds ' || quote("status") || ', which is not one of its enum values' FROM "AlarmEvent" WHERE "status" NOT IN ('active', 'acknowledged', 'latched', 'resolved') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AlarmLimitOverride.scope holds ' || quote("scope") || ', which is not one of its enum values' FROM "AlarmLimitOverride" WHERE "scope" NOT IN ('unit', 'episode') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'RoundTemplate.deviceType holds ' || quote("deviceType") || ', which is not one of its enum values' FROM "RoundTemplate" WHERE "deviceType" NOT IN ('VA_ECMO', 'IABP', 'VA_ECMO_IABP') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'RoundTemplateItem.type holds ' || quote("type") || ', which is not one of its enum values' FROM "RoundTemplateItem" WHERE "type" NOT IN ('check', 'normal_abnormal', 'number', 'choice') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'RoundTemplateItem.frequency holds ' || quote("frequency") || ', which is not one of its enum values' FROM "RoundTemplateItem" WHERE "frequency" NOT IN ('hourly', 'shift', 'daily') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'FourTsScreen.probability holds ' || quote("probability") || ', which is not one of its enum values' FROM "FourTsScreen" WHERE "probability" NOT IN ('low', 'intermediate', 'high') LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'SupportEpisode.settings of row ' || quote("id") || ' is not JSON' FROM "SupportEpisode" WHERE NOT json_valid("settings") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'SupportEpisode.saveScoreInputs of row ' || quote("id") || ' is not JSON' FROM "SupportEpisode" WHERE NOT json_valid("saveScoreInputs") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'ImportJob.ignoredCodes of row ' || quote("id") || ' is not JSON' FROM "ImportJob" WHERE NOT json_valid("ignoredCodes") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AuditEvent.details of row ' || quote("id") || ' is not JSON' FROM "AuditEvent" WHERE NOT json_valid("details") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'UnitShiftPattern.shifts of row ' || quote("unitId") || ' is not JSON' FROM "UnitShiftPattern" WHERE NOT json_valid("shifts") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverSheet.contingencies of row ' || quote("id") || ' is not JSON' FROM "HandoverSheet" WHERE NOT json_valid("contingencies") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverSheet.generated of row ' || quote("id") || ' is not JSON' FROM "HandoverSheet" WHERE NOT json_valid("generated") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverSheet.actions of row ' || quote("id") || ' is not JSON' FROM "HandoverSheet" WHERE NOT json_valid("actions") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Alarm.details of row ' || quote("id") || ' is not JSON' FROM "Alarm" WHERE NOT json_valid("details") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AlarmEvent.details of row ' || quote("seq") || ' is not JSON' FROM "AlarmEvent" WHERE NOT json_valid("details") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AlarmLimitOverride.limits of row ' || quote("id") || ' is not JSON' FROM "AlarmLimitOverride" WHERE NOT json_valid("limits") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'AlarmEngineState.state of row ' || quote("episodeId") || ' is not JSON' FROM "AlarmEngineState" WHERE NOT json_valid("state") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'RoundTemplateItem.choices of row ' || quote("templateId" || '/' || "itemId") || ' is not JSON' FROM "RoundTemplateItem" WHERE NOT json_valid("choices") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'Round.frequencies of row ' || quote("id") || ' is not JSON' FROM "Round" WHERE NOT json_valid("frequencies") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'FourTsScreen.answers of row ' || quote("id") || ' is not JSON' FROM "FourTsScreen" WHERE NOT json_valid("answers") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'FourTsScreen.inputs of row ' || quote("id") || ' is not JSON' FROM "FourTsScreen" WHERE NOT json_valid("inputs") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'FourTsScreen.sources of row ' || quote("id") || ' is not JSON' FROM "FourTsScreen" WHERE NOT json_valid("sources") LIMIT 1;
INSERT INTO "_UnreadableValue" SELECT 'HandoverAmendment.value of row ' || quote("id") || ' is not JSON' FROM "HandoverAmendment" WHERE "field" = 'contingencies' AND NOT json_valid("value") LIMIT 1;

-- A rebuilt AUTOINCREMENT table starts its sequence again from its largest row: kept as it was, so that no seq is ever
-- handed out twice (screens replay AlarmEvent by seq).
CREATE TEMP TABLE "_Sequence" AS SELECT "name", "seq" FROM "sqlite_sequence";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupportEpisode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "deviceType" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "cannulationSite" TEXT,
    "diagnosis" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "scenario" TEXT,
    "saveScoreInputs" JSONB,
    CONSTRAINT "SupportEpisode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupportEpisode_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SupportEpisode" ("bedId", "cannulationSite", "deviceType", "diagnosis", "endedAt", "id", "patientId", "saveScoreInputs", "scenario", "settings", "startedAt") SELECT "bedId", "cannulationSite", "deviceType", "diagnosis", "endedAt", "id", "patientId", "saveScoreInputs", "scenario", "settings", "startedAt" FROM "SupportEpisode";
DROP TABLE "SupportEpisode";
ALTER TABLE "new_SupportEpisode" RENAME TO "SupportEpisode";
CREATE INDEX "SupportEpisode_bedId_endedAt_idx" ON "SupportEpisode"("bedId", "endedAt");
CREATE TABLE "new_ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "actor" TEXT NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "duplicate" INTEGER NOT NULL DEFAULT 0,
    "ignored" INTEGER NOT NULL DEFAULT 0,
    "corrected" INTEGER NOT NULL DEFAULT 0,
    "ignoredCodes" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_ImportJob" ("accepted", "actor", "corrected", "dryRun", "duplicate", "error", "fileName", "finishedAt", "id", "ignored", "ignoredCodes", "kind", "processed", "rejected", "startedAt", "status") SELECT "accepted", "actor", "corrected", "dryRun", "duplicate", "error", "fileName", "finishedAt", "id", "ignored", "ignoredCodes", "kind", "processed", "rejected", "startedAt", "status" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE INDEX "ImportJob_startedAt_idx" ON "ImportJob"("startedAt");
CREATE TABLE "new_AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "unitId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}'
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "actorName", "actorRole", "at", "details", "id", "ipAddress", "outcome", "targetId", "targetType", "unitId", "userAgent") SELECT "action", "actorId", "actorName", "actorRole", "at", "details", "id", "ipAddress", "outcome", "targetId", "targetType", "unitId", "userAgent" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
CREATE TABLE "new_UnitShiftPattern" (
    "unitId" TEXT NOT NULL PRIMARY KEY,
    "shifts" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnitShiftPattern_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_UnitShiftPattern" ("shifts", "unitId", "updatedAt") SELECT "shifts", "unitId", "updatedAt" FROM "UnitShiftPattern";
DROP TABLE "UnitShiftPattern";
ALTER TABLE "new_UnitShiftPattern" RENAME TO "UnitShiftPattern";
CREATE TABLE "new_HandoverSheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "shiftKey" TEXT NOT NULL,
    "shiftStart" DATETIME NOT NULL,
    "shiftEnd" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "illnessSeverity" TEXT,
    "situation" TEXT NOT NULL DEFAULT '',
    "contingencies" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT NOT NULL,
    "generated" JSONB,
    "actions" JSONB,
    "signedOutAt" DATETIME,
    "signedOutById" TEXT,
    "receivedAt" DATETIME,
    "receivedById" TEXT,
    "readBack" TEXT,
    CONSTRAINT "HandoverSheet_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverSheet_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_HandoverSheet" ("actions", "bedId", "contingencies", "createdAt", "createdById", "episodeId", "generated", "id", "illnessSeverity", "notes", "readBack", "receivedAt", "receivedById", "shiftEnd", "shiftKey", "shiftStart", "signedOutAt", "signedOutById", "situation", "status", "unitId", "updatedAt", "updatedById", "version") SELECT "actions", "bedId", "contingencies", "createdAt", "createdById", "episodeId", "generated", "id", "illnessSeverity", "notes", "readBack", "receivedAt", "receivedById", "shiftEnd", "shiftKey", "shiftStart", "signedOutAt", "signedOutById", "situation", "status", "unitId", "updatedAt", "updatedById", "version" FROM "HandoverSheet";
DROP TABLE "HandoverSheet";
ALTER TABLE "new_HandoverSheet" RENAME TO "HandoverSheet";
CREATE INDEX "HandoverSheet_unitId_shiftStart_idx" ON "HandoverSheet"("unitId", "shiftStart");
CREATE INDEX "HandoverSheet_bedId_shiftStart_idx" ON "HandoverSheet"("bedId", "shiftStart");
CREATE UNIQUE INDEX "HandoverSheet_bedId_shiftKey_key" ON "HandoverSheet"("bedId", "shiftKey");
CREATE TABLE "new_HandoverAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sheetId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "amendedAt" DATETIME NOT NULL,
    "amendedById" TEXT NOT NULL,
    CONSTRAINT "HandoverAmendment_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "HandoverSheet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- The value in force was the text itself, or JSON text for contingencies: now JSON in every case.
INSERT INTO "new_HandoverAmendment" ("amendedAt", "amendedById", "field", "id", "reason", "sheetId", "value") SELECT "amendedAt", "amendedById", "field", "id", "reason", "sheetId", CASE WHEN "field" = 'contingencies' THEN "value" ELSE json_quote("value") END FROM "HandoverAmendment";
DROP TABLE "HandoverAmendment";
ALTER TABLE "new_HandoverAmendment" RENAME TO "HandoverAmendment";
CREATE INDEX "HandoverAmendment_sheetId_amendedAt_idx" ON "HandoverAmendment"("sheetId", "amendedAt");
CREATE TABLE "new_Alarm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
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
    CONSTRAINT "Alarm_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Alarm" ("acknowledgedAt", "acknowledgedById", "acknowledgedComment", "acknowledgedReason", "bedId", "clearedAt", "clearedBySeq", "comparison", "conditionActive", "conditionSince", "details", "episodeId", "id", "lastEventSeq", "limit", "limitSource", "limitSourceRef", "messageKey", "openKey", "origin", "parameter", "priority", "raisedAt", "raisedBySeq", "resolution", "resolvedAt", "ruleId", "status", "subjectKey", "unitId", "value", "valueUnit") SELECT "acknowledgedAt", "acknowledgedById", "acknowledgedComment", "acknowledgedReason", "bedId", "clearedAt", "clearedBySeq", "comparison", "conditionActive", "conditionSince", "details", "episodeId", "id", "lastEventSeq", "limit", "limitSource", "limitSourceRef", "messageKey", "openKey", "origin", "parameter", "priority", "raisedAt", "raisedBySeq", "resolution", "resolvedAt", "ruleId", "status", "subjectKey", "unitId", "value", "valueUnit" FROM "Alarm";
DROP TABLE "Alarm";
ALTER TABLE "new_Alarm" RENAME TO "Alarm";
CREATE UNIQUE INDEX "Alarm_openKey_key" ON "Alarm"("openKey");
CREATE INDEX "Alarm_unitId_status_idx" ON "Alarm"("unitId", "status");
CREATE INDEX "Alarm_unitId_raisedAt_idx" ON "Alarm"("unitId", "raisedAt");
CREATE INDEX "Alarm_bedId_raisedAt_idx" ON "Alarm"("bedId", "raisedAt");
CREATE INDEX "Alarm_episodeId_ruleId_idx" ON "Alarm"("episodeId", "ruleId");
CREATE TABLE "new_AlarmEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "alarmId" TEXT,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT,
    "type" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "status" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "AlarmEvent_alarmId_fkey" FOREIGN KEY ("alarmId") REFERENCES "Alarm" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AlarmEvent" ("actorId", "alarmId", "at", "bedId", "details", "seq", "status", "type", "unitId") SELECT "actorId", "alarmId", "at", "bedId", "details", "seq", "status", "type", "unitId" FROM "AlarmEvent";
DROP TABLE "AlarmEvent";
ALTER TABLE "new_AlarmEvent" RENAME TO "AlarmEvent";
CREATE INDEX "AlarmEvent_unitId_seq_idx" ON "AlarmEvent"("unitId", "seq");
CREATE INDEX "AlarmEvent_bedId_seq_idx" ON "AlarmEvent"("bedId", "seq");
CREATE INDEX "AlarmEvent_alarmId_seq_idx" ON "AlarmEvent"("alarmId", "seq");
CREATE INDEX "AlarmEvent_type_at_idx" ON "AlarmEvent"("type", "at");
CREATE TABLE "new_AlarmLimitOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "episodeId" TEXT,
    "version" INTEGER NOT NULL,
    "limits" JSONB,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_AlarmLimitOverride" ("createdAt", "createdById", "episodeId", "id", "limits", "reason", "ruleId", "scope", "scopeKey", "unitId", "version") SELECT "createdAt", "createdById", "episodeId", "id", "limits", "reason", "ruleId", "scope", "scopeKey", "unitId", "version" FROM "AlarmLimitOverride";
DROP TABLE "AlarmLimitOverride";
ALTER TABLE "new_AlarmLimitOverride" RENAME TO "AlarmLimitOverride";
CREATE INDEX "AlarmLimitOverride_unitId_ruleId_idx" ON "AlarmLimitOverride"("unitId", "ruleId");
CREATE UNIQUE INDEX "AlarmLimitOverride_scopeKey_ruleId_version_key" ON "AlarmLimitOverride"("scopeKey", "ruleId", "version");
CREATE TABLE "new_AlarmEngineState" (
    "episodeId" TEXT NOT NULL PRIMARY KEY,
    "state" JSONB NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_AlarmEngineState" ("episodeId", "lastSeq", "state", "updatedAt") SELECT "episodeId", "lastSeq", "state", "updatedAt" FROM "AlarmEngineState";
DROP TABLE "AlarmEngineState";
ALTER TABLE "new_AlarmEngineState" RENAME TO "AlarmEngineState";
CREATE TABLE "new_RoundTemplateItem" (
    "templateId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionEn" TEXT NOT NULL,
    "sectionFr" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelFr" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "unit" TEXT,
    "min" REAL,
    "max" REAL,
    "parameter" TEXT,
    "choices" JSONB,

    PRIMARY KEY ("templateId", "itemId"),
    CONSTRAINT "RoundTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoundTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RoundTemplateItem" ("choices", "frequency", "itemId", "labelEn", "labelFr", "max", "min", "parameter", "position", "sectionEn", "sectionFr", "templateId", "type", "unit") SELECT "choices", "frequency", "itemId", "labelEn", "labelFr", "max", "min", "parameter", "position", "sectionEn", "sectionFr", "templateId", "type", "unit" FROM "RoundTemplateItem";
DROP TABLE "RoundTemplateItem";
ALTER TABLE "new_RoundTemplateItem" RENAME TO "RoundTemplateItem";
CREATE INDEX "RoundTemplateItem_templateId_position_idx" ON "RoundTemplateItem"("templateId", "position");
CREATE TABLE "new_Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "dueAt" DATETIME,
    "startedAt" DATETIME,
    "signedAt" DATETIME NOT NULL,
    "signedById" TEXT NOT NULL,
    "frequencies" JSONB NOT NULL,
    "abnormalCount" INTEGER NOT NULL,
    CONSTRAINT "Round_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoundTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Round" ("abnormalCount", "bedId", "dueAt", "episodeId", "frequencies", "id", "signedAt", "signedById", "startedAt", "templateId", "unitId") SELECT "abnormalCount", "bedId", "dueAt", "episodeId", "frequencies", "id", "signedAt", "signedById", "startedAt", "templateId", "unitId" FROM "Round";
DROP TABLE "Round";
ALTER TABLE "new_Round" RENAME TO "Round";
CREATE INDEX "Round_bedId_signedAt_idx" ON "Round"("bedId", "signedAt");
CREATE INDEX "Round_episodeId_signedAt_idx" ON "Round"("episodeId", "signedAt");
CREATE INDEX "Round_unitId_signedAt_idx" ON "Round"("unitId", "signedAt");
CREATE TABLE "new_FourTsScreen" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "recordedById" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "sources" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "probability" TEXT NOT NULL,
    CONSTRAINT "FourTsScreen_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FourTsScreen_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_FourTsScreen" ("answers", "episodeId", "id", "inputs", "probability", "recordedAt", "recordedById", "sources", "total") SELECT "answers", "episodeId", "id", "inputs", "probability", "recordedAt", "recordedById", "sources", "total" FROM "FourTsScreen";
DROP TABLE "FourTsScreen";
ALTER TABLE "new_FourTsScreen" RENAME TO "FourTsScreen";
CREATE INDEX "FourTsScreen_episodeId_recordedAt_idx" ON "FourTsScreen"("episodeId", "recordedAt");


-- The triggers went with their tables: re-created as the earlier migrations wrote them (the audit trail, the alarm log
-- and the limit overrides are append-only, a signed handover sheet and a signed round immutable, a published round
-- template unchanged), with the reasons given there.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only: rows cannot be updated');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only: rows cannot be deleted');
END;

CREATE TRIGGER "HandoverSheet_signed_is_immutable" BEFORE UPDATE ON "HandoverSheet"
WHEN OLD."signedOutAt" IS NOT NULL AND (
    NEW."illnessSeverity" IS NOT OLD."illnessSeverity" OR NEW."situation" IS NOT OLD."situation"
    OR NEW."contingencies" IS NOT OLD."contingencies" OR NEW."notes" IS NOT OLD."notes"
    OR NEW."generated" IS NOT OLD."generated" OR NEW."actions" IS NOT OLD."actions"
    OR NEW."signedOutAt" IS NOT OLD."signedOutAt" OR NEW."signedOutById" IS NOT OLD."signedOutById"
    OR NEW."bedId" IS NOT OLD."bedId" OR NEW."episodeId" IS NOT OLD."episodeId" OR NEW."shiftKey" IS NOT OLD."shiftKey"
    OR NEW."shiftStart" IS NOT OLD."shiftStart" OR NEW."shiftEnd" IS NOT OLD."shiftEnd"
    OR (OLD."receivedAt" IS NOT NULL AND (NEW."receivedAt" IS NOT OLD."receivedAt" OR NEW."receivedById" IS NOT OLD."receivedById"
        OR NEW."readBack" IS NOT OLD."readBack" OR NEW."status" IS NOT OLD."status")))
BEGIN
    SELECT RAISE(ABORT, 'A signed handover sheet is immutable: record an amendment with a reason');
END;

CREATE TRIGGER "HandoverSheet_signed_no_delete" BEFORE DELETE ON "HandoverSheet"
WHEN OLD."signedOutAt" IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'A signed handover sheet cannot be deleted');
END;

CREATE TRIGGER "HandoverAmendment_no_update" BEFORE UPDATE ON "HandoverAmendment"
BEGIN
    SELECT RAISE(ABORT, 'HandoverAmendment is append-only: rows cannot be updated');
END;

CREATE TRIGGER "HandoverAmendment_no_delete" BEFORE DELETE ON "HandoverAmendment"
BEGIN
    SELECT RAISE(ABORT, 'HandoverAmendment is append-only: rows cannot be deleted');
END;

CREATE TRIGGER "AlarmEvent_no_update" BEFORE UPDATE ON "AlarmEvent"
BEGIN
    SELECT RAISE(ABORT, 'AlarmEvent is append-only: rows cannot be updated');
END;

CREATE TRIGGER "AlarmEvent_no_delete" BEFORE DELETE ON "AlarmEvent"
BEGIN
    SELECT RAISE(ABORT, 'AlarmEvent is append-only: rows cannot be deleted');
END;

CREATE TRIGGER "AlarmLimitOverride_no_update" BEFORE UPDATE ON "AlarmLimitOverride"
BEGIN
    SELECT RAISE(ABORT, 'AlarmLimitOverride is append-only: a change is a new version');
END;

CREATE TRIGGER "AlarmLimitOverride_no_delete" BEFORE DELETE ON "AlarmLimitOverride"
BEGIN
    SELECT RAISE(ABORT, 'AlarmLimitOverride is append-only: withdraw with a new version');
END;

CREATE TRIGGER "Round_no_update" BEFORE UPDATE ON "Round"
BEGIN
    SELECT RAISE(ABORT, 'Round is signed: rows cannot be updated (amend instead)');
END;

CREATE TRIGGER "Round_no_delete" BEFORE DELETE ON "Round"
BEGIN
    SELECT RAISE(ABORT, 'Round is signed: rows cannot be deleted');
END;

CREATE TRIGGER "RoundTemplateItem_no_update" BEFORE UPDATE ON "RoundTemplateItem"
BEGIN
    SELECT RAISE(ABORT, 'A published round template version cannot be changed: publish a new version');
END;

UPDATE "main"."sqlite_sequence" SET "seq" = (SELECT s."seq" FROM "_Sequence" s WHERE s."name" = "sqlite_sequence"."name")
WHERE "seq" < (SELECT s."seq" FROM "_Sequence" s WHERE s."name" = "sqlite_sequence"."name");
INSERT INTO "main"."sqlite_sequence" ("name", "seq")
SELECT s."name", s."seq" FROM "_Sequence" s WHERE NOT EXISTS (SELECT 1 FROM "main"."sqlite_sequence" q WHERE q."name" = s."name");
-- The copy into an empty table leaves a sequence at 0 where there was none: the same thing, removed.
DELETE FROM "main"."sqlite_sequence" WHERE "seq" = 0 AND "name" NOT IN (SELECT "name" FROM "_Sequence");

PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

DROP TABLE "_Sequence";
DROP TABLE "_UnreadableValue";
