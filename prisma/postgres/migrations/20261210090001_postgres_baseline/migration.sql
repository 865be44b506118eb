-- The PostgreSQL baseline: the tables of prisma/schema.prisma as of the SQLite migrations up to
-- 20261210090000_document_changes (`migrate diff --from-empty` of prisma/postgres/schema.prisma), their append-only
-- triggers in PL/pgSQL, and the log-order lock of the change feed. Later SQLite migrations get their counterpart with
-- `npm run db:pg:migration` (docs/deployment-database.md).

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('F', 'M', 'O', 'U');

-- CreateEnum
CREATE TYPE "DeviceType" AS ENUM ('VA_ECMO', 'IABP', 'VA_ECMO_IABP');

-- CreateEnum
CREATE TYPE "ObservationSource" AS ENUM ('simulator', 'device', 'hl7', 'fhir', 'csv', 'manual', 'round');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('hl7', 'fhir', 'csv', 'mimic');

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "ImportRejectionCode" AS ENUM ('INVALID_READING', 'UNKNOWN_PARAMETER', 'UNIT_NOT_ACCEPTED', 'IMPLAUSIBLE_VALUE', 'NOT_ALLOWED_VALUE', 'FUTURE_TIME', 'UNKNOWN_EPISODE', 'OUTSIDE_EPISODE', 'PARAMETER_NOT_FOR_DEVICE', 'UNREADABLE', 'PENDING_RESULT', 'STATUS_NOT_ACCEPTED', 'NOT_NUMERIC', 'INVALID_TIME', 'MISSING_PATIENT', 'UNKNOWN_PATIENT', 'NO_ACTIVE_EPISODE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('nurse', 'physician', 'perfusionist', 'admin', 'display');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('success', 'failure', 'denied');

-- CreateEnum
CREATE TYPE "HandoverSheetStatus" AS ENUM ('draft', 'signed_out', 'received');

-- CreateEnum
CREATE TYPE "IllnessSeverity" AS ENUM ('stable', 'watcher', 'unstable');

-- CreateEnum
CREATE TYPE "HandoverField" AS ENUM ('illnessSeverity', 'situation', 'contingencies', 'notes');

-- CreateEnum
CREATE TYPE "AlarmOrigin" AS ENUM ('engine', 'rounds');

-- CreateEnum
CREATE TYPE "AlarmPriority" AS ENUM ('high', 'medium', 'low', 'technical');

-- CreateEnum
CREATE TYPE "AlarmStatus" AS ENUM ('active', 'acknowledged', 'latched', 'resolved');

-- CreateEnum
CREATE TYPE "Comparison" AS ENUM ('gte', 'gt', 'lte', 'lt');

-- CreateEnum
CREATE TYPE "AcknowledgementReason" AS ENUM ('treated', 'artefact', 'expected', 'other');

-- CreateEnum
CREATE TYPE "LimitScope" AS ENUM ('unit', 'episode');

-- CreateEnum
CREATE TYPE "RoundItemType" AS ENUM ('check', 'normal_abnormal', 'number', 'choice');

-- CreateEnum
CREATE TYPE "RoundFrequency" AS ENUM ('hourly', 'shift', 'daily');

-- CreateEnum
CREATE TYPE "FourTsProbability" AS ENUM ('low', 'intermediate', 'high');

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bed" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Bed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "sex" "Sex" NOT NULL,
    "weightKg" DOUBLE PRECISION,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportEpisode" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "deviceType" "DeviceType" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "cannulationSite" TEXT,
    "diagnosis" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "scenario" TEXT,
    "saveScoreInputs" JSONB,

    CONSTRAINT "SupportEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "seq" BIGSERIAL NOT NULL,
    "episodeId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "source" "ObservationSource" NOT NULL,
    "sourceRef" TEXT NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportJobStatus" NOT NULL,
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
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRejection" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "code" "ImportRejectionCode" NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ImportRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserUnit" (
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "UserUnit_pkey" PRIMARY KEY ("userId","unitId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastActiveAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisplayPairing" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "DisplayPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "unitId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitShiftPattern" (
    "unitId" TEXT NOT NULL,
    "shifts" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitShiftPattern_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "HandoverSheet" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "shiftKey" TEXT NOT NULL,
    "shiftStart" TIMESTAMP(3) NOT NULL,
    "shiftEnd" TIMESTAMP(3) NOT NULL,
    "status" "HandoverSheetStatus" NOT NULL,
    "illnessSeverity" "IllnessSeverity",
    "situation" TEXT NOT NULL DEFAULT '',
    "contingencies" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,
    "generated" JSONB,
    "actions" JSONB,
    "signedOutAt" TIMESTAMP(3),
    "signedOutById" TEXT,
    "receivedAt" TIMESTAMP(3),
    "receivedById" TEXT,
    "readBack" TEXT,

    CONSTRAINT "HandoverSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverAmendment" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "field" "HandoverField" NOT NULL,
    "value" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "amendedAt" TIMESTAMP(3) NOT NULL,
    "amendedById" TEXT NOT NULL,

    CONSTRAINT "HandoverAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverAction" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,

    CONSTRAINT "HandoverAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alarm" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL DEFAULT '',
    "openKey" TEXT,
    "origin" "AlarmOrigin" NOT NULL,
    "priority" "AlarmPriority" NOT NULL,
    "messageKey" TEXT NOT NULL,
    "parameter" TEXT,
    "value" DOUBLE PRECISION,
    "limit" DOUBLE PRECISION,
    "comparison" "Comparison",
    "valueUnit" TEXT,
    "limitSource" TEXT NOT NULL,
    "limitSourceRef" TEXT,
    "raisedBySeq" BIGINT,
    "conditionSince" TIMESTAMP(3) NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "status" "AlarmStatus" NOT NULL,
    "conditionActive" BOOLEAN NOT NULL DEFAULT true,
    "clearedAt" TIMESTAMP(3),
    "clearedBySeq" BIGINT,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "acknowledgedReason" "AcknowledgementReason",
    "acknowledgedComment" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "lastEventSeq" BIGINT NOT NULL,

    CONSTRAINT "Alarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlarmEvent" (
    "seq" BIGSERIAL NOT NULL,
    "alarmId" TEXT,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT,
    "type" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "status" "AlarmStatus",
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AlarmEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AlarmLimitOverride" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "scope" "LimitScope" NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "episodeId" TEXT,
    "version" INTEGER NOT NULL,
    "limits" JSONB,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlarmLimitOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlarmEngineState" (
    "episodeId" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlarmEngineState_pkey" PRIMARY KEY ("episodeId")
);

-- CreateTable
CREATE TABLE "RoundTemplate" (
    "id" TEXT NOT NULL,
    "deviceType" "DeviceType" NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedById" TEXT,
    "note" TEXT,

    CONSTRAINT "RoundTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundTemplateItem" (
    "templateId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionEn" TEXT NOT NULL,
    "sectionFr" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelFr" TEXT NOT NULL,
    "type" "RoundItemType" NOT NULL,
    "frequency" "RoundFrequency" NOT NULL,
    "unit" TEXT,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "parameter" TEXT,
    "choices" JSONB,

    CONSTRAINT "RoundTemplateItem_pkey" PRIMARY KEY ("templateId","itemId")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "signedAt" TIMESTAMP(3) NOT NULL,
    "signedById" TEXT NOT NULL,
    "frequencies" JSONB NOT NULL,
    "abnormalCount" INTEGER NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundAnswer" (
    "roundId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "numberValue" DOUBLE PRECISION,
    "abnormal" BOOLEAN NOT NULL,
    "comment" TEXT,

    CONSTRAINT "RoundAnswer_pkey" PRIMARY KEY ("roundId","itemId")
);

-- CreateTable
CREATE TABLE "RoundAmendment" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "numberValue" DOUBLE PRECISION,
    "abnormal" BOOLEAN NOT NULL,
    "comment" TEXT,
    "reason" TEXT NOT NULL,
    "amendedAt" TIMESTAMP(3) NOT NULL,
    "amendedById" TEXT NOT NULL,

    CONSTRAINT "RoundAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FourTsScreen" (
    "id" SERIAL NOT NULL,
    "episodeId" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "sources" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "probability" "FourTsProbability" NOT NULL,

    CONSTRAINT "FourTsScreen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentChange" (
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentChange_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "Bed_unitId_position_idx" ON "Bed"("unitId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Bed_unitId_label_key" ON "Bed"("unitId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_identifier_key" ON "Patient"("identifier");

-- CreateIndex
CREATE INDEX "SupportEpisode_bedId_endedAt_idx" ON "SupportEpisode"("bedId", "endedAt");

-- CreateIndex
CREATE INDEX "Observation_episodeId_parameter_observedAt_value_idx" ON "Observation"("episodeId", "parameter", "observedAt", "value");

-- CreateIndex
CREATE INDEX "Observation_unitId_seq_idx" ON "Observation"("unitId", "seq");

-- CreateIndex
CREATE INDEX "Observation_bedId_seq_idx" ON "Observation"("bedId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_source_sourceRef_key" ON "Observation"("source", "sourceRef");

-- CreateIndex
CREATE INDEX "ImportJob_startedAt_idx" ON "ImportJob"("startedAt");

-- CreateIndex
CREATE INDEX "ImportRejection_jobId_id_idx" ON "ImportRejection"("jobId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "UserUnit_unitId_idx" ON "UserUnit"("unitId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "DisplayPairing_userId_idx" ON "DisplayPairing"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "HandoverSheet_unitId_shiftStart_idx" ON "HandoverSheet"("unitId", "shiftStart");

-- CreateIndex
CREATE INDEX "HandoverSheet_bedId_shiftStart_idx" ON "HandoverSheet"("bedId", "shiftStart");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverSheet_bedId_shiftKey_key" ON "HandoverSheet"("bedId", "shiftKey");

-- CreateIndex
CREATE INDEX "HandoverAmendment_sheetId_amendedAt_idx" ON "HandoverAmendment"("sheetId", "amendedAt");

-- CreateIndex
CREATE INDEX "HandoverAction_episodeId_createdAt_idx" ON "HandoverAction"("episodeId", "createdAt");

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

-- CreateIndex
CREATE UNIQUE INDEX "RoundTemplate_deviceType_version_key" ON "RoundTemplate"("deviceType", "version");

-- CreateIndex
CREATE INDEX "RoundTemplateItem_templateId_position_idx" ON "RoundTemplateItem"("templateId", "position");

-- CreateIndex
CREATE INDEX "Round_bedId_signedAt_idx" ON "Round"("bedId", "signedAt");

-- CreateIndex
CREATE INDEX "Round_episodeId_signedAt_idx" ON "Round"("episodeId", "signedAt");

-- CreateIndex
CREATE INDEX "Round_unitId_signedAt_idx" ON "Round"("unitId", "signedAt");

-- CreateIndex
CREATE INDEX "RoundAnswer_itemId_idx" ON "RoundAnswer"("itemId");

-- CreateIndex
CREATE INDEX "RoundAmendment_roundId_amendedAt_idx" ON "RoundAmendment"("roundId", "amendedAt");

-- CreateIndex
CREATE INDEX "FourTsScreen_episodeId_recordedAt_idx" ON "FourTsScreen"("episodeId", "recordedAt");

-- AddForeignKey
ALTER TABLE "Bed" ADD CONSTRAINT "Bed_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportEpisode" ADD CONSTRAINT "SupportEpisode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportEpisode" ADD CONSTRAINT "SupportEpisode_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRejection" ADD CONSTRAINT "ImportRejection_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserUnit" ADD CONSTRAINT "UserUnit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserUnit" ADD CONSTRAINT "UserUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisplayPairing" ADD CONSTRAINT "DisplayPairing_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitShiftPattern" ADD CONSTRAINT "UnitShiftPattern_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverSheet" ADD CONSTRAINT "HandoverSheet_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverSheet" ADD CONSTRAINT "HandoverSheet_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverAmendment" ADD CONSTRAINT "HandoverAmendment_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "HandoverSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverAction" ADD CONSTRAINT "HandoverAction_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverAction" ADD CONSTRAINT "HandoverAction_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alarm" ADD CONSTRAINT "Alarm_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlarmEvent" ADD CONSTRAINT "AlarmEvent_alarmId_fkey" FOREIGN KEY ("alarmId") REFERENCES "Alarm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundTemplate" ADD CONSTRAINT "RoundTemplate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundTemplateItem" ADD CONSTRAINT "RoundTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoundTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoundTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAnswer" ADD CONSTRAINT "RoundAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAmendment" ADD CONSTRAINT "RoundAmendment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAmendment" ADD CONSTRAINT "RoundAmendment_amendedById_fkey" FOREIGN KEY ("amendedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FourTsScreen" ADD CONSTRAINT "FourTsScreen_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FourTsScreen" ADD CONSTRAINT "FourTsScreen_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ── Append-only and signed rows (the SQLite triggers of the same names, in PL/pgSQL) ─────────────────────────────
-- SQLSTATE P0001 (raise_exception), not restrict_violation: @prisma/adapter-pg 7 reports 23001 as a kind that
-- Prisma's 6.19 client does not know ("Unknown error"), and P0001 as a database error with this message.
CREATE FUNCTION "station_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

CREATE TRIGGER "AlarmEvent_no_delete" BEFORE DELETE ON "AlarmEvent" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('AlarmEvent is append-only: rows cannot be deleted');

CREATE TRIGGER "AlarmEvent_no_update" BEFORE UPDATE ON "AlarmEvent" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('AlarmEvent is append-only: rows cannot be updated');

CREATE TRIGGER "AlarmLimitOverride_no_delete" BEFORE DELETE ON "AlarmLimitOverride" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('AlarmLimitOverride is append-only: withdraw with a new version');

CREATE TRIGGER "AlarmLimitOverride_no_update" BEFORE UPDATE ON "AlarmLimitOverride" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('AlarmLimitOverride is append-only: a change is a new version');

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('AuditEvent is append-only: rows cannot be deleted');

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('AuditEvent is append-only: rows cannot be updated');

CREATE TRIGGER "DocumentChange_no_delete" BEFORE DELETE ON "DocumentChange" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('DocumentChange is append-only: rows cannot be deleted');

CREATE TRIGGER "DocumentChange_no_update" BEFORE UPDATE ON "DocumentChange" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('DocumentChange is append-only: rows cannot be updated');

CREATE TRIGGER "HandoverAmendment_no_delete" BEFORE DELETE ON "HandoverAmendment" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('HandoverAmendment is append-only: rows cannot be deleted');

CREATE TRIGGER "HandoverAmendment_no_update" BEFORE UPDATE ON "HandoverAmendment" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('HandoverAmendment is append-only: rows cannot be updated');

CREATE TRIGGER "HandoverSheet_signed_is_immutable" BEFORE UPDATE ON "HandoverSheet" FOR EACH ROW
WHEN (OLD."signedOutAt" IS NOT NULL AND (
    NEW."illnessSeverity" IS DISTINCT FROM OLD."illnessSeverity" OR NEW."situation" IS DISTINCT FROM OLD."situation"
    OR NEW."contingencies" IS DISTINCT FROM OLD."contingencies" OR NEW."notes" IS DISTINCT FROM OLD."notes"
    OR NEW."generated" IS DISTINCT FROM OLD."generated" OR NEW."actions" IS DISTINCT FROM OLD."actions"
    OR NEW."signedOutAt" IS DISTINCT FROM OLD."signedOutAt" OR NEW."signedOutById" IS DISTINCT FROM OLD."signedOutById"
    OR NEW."bedId" IS DISTINCT FROM OLD."bedId" OR NEW."episodeId" IS DISTINCT FROM OLD."episodeId" OR NEW."shiftKey" IS DISTINCT FROM OLD."shiftKey"
    OR NEW."shiftStart" IS DISTINCT FROM OLD."shiftStart" OR NEW."shiftEnd" IS DISTINCT FROM OLD."shiftEnd"
    OR (OLD."receivedAt" IS NOT NULL AND (NEW."receivedAt" IS DISTINCT FROM OLD."receivedAt" OR NEW."receivedById" IS DISTINCT FROM OLD."receivedById"
        OR NEW."readBack" IS DISTINCT FROM OLD."readBack" OR NEW."status" IS DISTINCT FROM OLD."status"))))
EXECUTE FUNCTION "station_refuse_change"('A signed handover sheet is immutable: record an amendment with a reason');

CREATE TRIGGER "HandoverSheet_signed_no_delete" BEFORE DELETE ON "HandoverSheet" FOR EACH ROW
WHEN (OLD."signedOutAt" IS NOT NULL)
EXECUTE FUNCTION "station_refuse_change"('A signed handover sheet cannot be deleted');

CREATE TRIGGER "RoundAmendment_no_delete" BEFORE DELETE ON "RoundAmendment" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('RoundAmendment is append-only: rows cannot be deleted');

CREATE TRIGGER "RoundAmendment_no_update" BEFORE UPDATE ON "RoundAmendment" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('RoundAmendment is append-only: rows cannot be updated');

CREATE TRIGGER "RoundAnswer_no_delete" BEFORE DELETE ON "RoundAnswer" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('RoundAnswer is signed: rows cannot be deleted');

CREATE TRIGGER "RoundAnswer_no_update" BEFORE UPDATE ON "RoundAnswer" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('RoundAnswer is signed: rows cannot be updated (amend instead)');

CREATE TRIGGER "RoundTemplateItem_no_update" BEFORE UPDATE ON "RoundTemplateItem" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('A published round template version cannot be changed: publish a new version');

CREATE TRIGGER "Round_no_delete" BEFORE DELETE ON "Round" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('Round is signed: rows cannot be deleted');

CREATE TRIGGER "Round_no_update" BEFORE UPDATE ON "Round" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('Round is signed: rows cannot be updated (amend instead)');


-- ── The change feed's log order (lib/db/changes/read-changes-since.ts, docs/deployment-database.md) ─────────────
-- The feed follows Observation, AlarmEvent and DocumentChange by "seq > the last seq read". PostgreSQL hands out a
-- sequence value when a row is inserted, not when its transaction commits: with concurrent writers a smaller seq can
-- commit after a larger one was read, and that row would never be told. Every statement that inserts into one of
-- the three logs first takes one transaction-level advisory lock (before the seq defaults are evaluated: a BEFORE
-- STATEMENT trigger), held to COMMIT or ROLLBACK: the transactions that write a log allocate their seqs and commit
-- one at a time, on every node, so seq order is commit order as on SQLite. One lock for the three logs, so that a
-- transaction writing two of them (a round: readings, alarm events, a document change) cannot deadlock with another.
-- `station.log_order_lock = 'off'` in a session skips it: only lib/db/changes/log-order.pg.test.ts sets it, to show
-- the gap that appears without the lock.
CREATE FUNCTION "station_log_order_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('station.log_order_lock', true) IS DISTINCT FROM 'off' THEN
        PERFORM pg_advisory_xact_lock(7305155001);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER "Observation_log_order" BEFORE INSERT ON "Observation" FOR EACH STATEMENT EXECUTE FUNCTION "station_log_order_lock"();
CREATE TRIGGER "AlarmEvent_log_order" BEFORE INSERT ON "AlarmEvent" FOR EACH STATEMENT EXECUTE FUNCTION "station_log_order_lock"();
CREATE TRIGGER "DocumentChange_log_order" BEFORE INSERT ON "DocumentChange" FOR EACH STATEMENT EXECUTE FUNCTION "station_log_order_lock"();
