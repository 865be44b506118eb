-- covers: 20261212090000_protocol_timers
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- CreateEnum
CREATE TYPE "ProtocolTimerStatus" AS ENUM ('active', 'completed', 'cancelled');

-- AlterEnum
ALTER TYPE "AlarmOrigin" ADD VALUE 'protocols';

-- CreateTable
CREATE TABLE "ProtocolTimer" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "anchorAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "startedById" TEXT NOT NULL,
    "status" "ProtocolTimerStatus" NOT NULL DEFAULT 'active',
    "endedAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "cancelReason" TEXT,

    CONSTRAINT "ProtocolTimer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolStepSignature" (
    "id" TEXT NOT NULL,
    "timerId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "doneAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "signedById" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "ProtocolStepSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProtocolTimer_unitId_status_idx" ON "ProtocolTimer"("unitId", "status");

-- CreateIndex
CREATE INDEX "ProtocolTimer_bedId_status_idx" ON "ProtocolTimer"("bedId", "status");

-- CreateIndex
CREATE INDEX "ProtocolTimer_episodeId_idx" ON "ProtocolTimer"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolStepSignature_timerId_stepId_occurrence_key" ON "ProtocolStepSignature"("timerId", "stepId", "occurrence");

-- AddForeignKey
ALTER TABLE "ProtocolTimer" ADD CONSTRAINT "ProtocolTimer_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolTimer" ADD CONSTRAINT "ProtocolTimer_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolTimer" ADD CONSTRAINT "ProtocolTimer_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolStepSignature" ADD CONSTRAINT "ProtocolStepSignature_timerId_fkey" FOREIGN KEY ("timerId") REFERENCES "ProtocolTimer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolStepSignature" ADD CONSTRAINT "ProtocolStepSignature_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Append-only, as on SQLite (prisma/migrations/20261212090000_protocol_timers): a signed step is never changed.
CREATE TRIGGER "ProtocolStepSignature_no_update" BEFORE UPDATE ON "ProtocolStepSignature" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('ProtocolStepSignature is append-only');

CREATE TRIGGER "ProtocolStepSignature_no_delete" BEFORE DELETE ON "ProtocolStepSignature" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('ProtocolStepSignature is append-only');
