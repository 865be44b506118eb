-- CreateTable
CREATE TABLE "Alarm" (
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
    "details" TEXT NOT NULL DEFAULT '{}',
    "lastEventSeq" INTEGER NOT NULL,
    CONSTRAINT "Alarm_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlarmEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "alarmId" TEXT,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT,
    "type" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "status" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "AlarmEvent_alarmId_fkey" FOREIGN KEY ("alarmId") REFERENCES "Alarm" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlarmLimitOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "episodeId" TEXT,
    "version" INTEGER NOT NULL,
    "limits" TEXT,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlarmEngineState" (
    "episodeId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Alarm_openKey_key" ON "Alarm"("openKey");

-- CreateIndex
CREATE INDEX "Alarm_unitId_status_idx" ON "Alarm"("unitId", "status");

-- CreateIndex
CREATE INDEX "Alarm_unitId_raisedAt_idx" ON "Alarm"("unitId", "raisedAt");

-- CreateIndex
CREATE INDEX "Alarm_bedId_raisedAt_idx" ON "Alarm"("bedId", "raisedAt");

-- CreateIndex
CREATE INDEX "Alarm_episodeId_ruleId_idx" ON "Alarm"("episodeId", "ruleId");

-- CreateIndex
CREATE INDEX "AlarmEvent_unitId_seq_idx" ON "AlarmEvent"("unitId", "seq");

-- CreateIndex
CREATE INDEX "AlarmEvent_bedId_seq_idx" ON "AlarmEvent"("bedId", "seq");

-- CreateIndex
CREATE INDEX "AlarmEvent_alarmId_seq_idx" ON "AlarmEvent"("alarmId", "seq");

-- CreateIndex
CREATE INDEX "AlarmEvent_type_at_idx" ON "AlarmEvent"("type", "at");

-- CreateIndex
CREATE INDEX "AlarmLimitOverride_unitId_ruleId_idx" ON "AlarmLimitOverride"("unitId", "ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "AlarmLimitOverride_scopeKey_ruleId_version_key" ON "AlarmLimitOverride"("scopeKey", "ruleId", "version");

-- The alarm log is append-only, like the audit trail: screens replay it by seq, and it records who did what.
CREATE TRIGGER "AlarmEvent_no_update" BEFORE UPDATE ON "AlarmEvent"
BEGIN
    SELECT RAISE(ABORT, 'AlarmEvent is append-only: rows cannot be updated');
END;

CREATE TRIGGER "AlarmEvent_no_delete" BEFORE DELETE ON "AlarmEvent"
BEGIN
    SELECT RAISE(ABORT, 'AlarmEvent is append-only: rows cannot be deleted');
END;

-- Limit overrides are versioned: a change is a new version, never an edit of an old one.
CREATE TRIGGER "AlarmLimitOverride_no_update" BEFORE UPDATE ON "AlarmLimitOverride"
BEGIN
    SELECT RAISE(ABORT, 'AlarmLimitOverride is append-only: a change is a new version');
END;

CREATE TRIGGER "AlarmLimitOverride_no_delete" BEFORE DELETE ON "AlarmLimitOverride"
BEGIN
    SELECT RAISE(ABORT, 'AlarmLimitOverride is append-only: withdraw with a new version');
END;
