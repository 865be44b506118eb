-- covers: 20261213000000_lab_results
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- CreateEnum
CREATE TYPE "ResultStatus" AS ENUM ('final', 'corrected', 'preliminary', 'cancelled');

-- AlterEnum
ALTER TYPE "AlarmOrigin" ADD VALUE 'labs';

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "comparator" TEXT,
ADD COLUMN     "resultKey" TEXT,
ADD COLUMN     "resultStatus" "ResultStatus",
ADD COLUMN     "supersedesSeq" BIGINT;

-- CreateTable
CREATE TABLE "LabRefusal" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" "ObservationSource" NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "LabRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LabRefusal_episodeId_resolvedAt_idx" ON "LabRefusal"("episodeId", "resolvedAt");

-- CreateIndex
CREATE INDEX "LabRefusal_unitId_resolvedAt_idx" ON "LabRefusal"("unitId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabRefusal_source_sourceRef_key" ON "LabRefusal"("source", "sourceRef");

-- CreateIndex
CREATE INDEX "Observation_episodeId_resultKey_seq_idx" ON "Observation"("episodeId", "resultKey", "seq");

