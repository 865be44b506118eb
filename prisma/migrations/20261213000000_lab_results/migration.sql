-- AlterTable
ALTER TABLE "Observation" ADD COLUMN "comparator" TEXT;
ALTER TABLE "Observation" ADD COLUMN "resultKey" TEXT;
ALTER TABLE "Observation" ADD COLUMN "resultStatus" TEXT;
ALTER TABLE "Observation" ADD COLUMN "supersedesSeq" INTEGER;

-- CreateTable
CREATE TABLE "LabRefusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "episodeId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "observedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT
);

-- CreateIndex
CREATE INDEX "LabRefusal_episodeId_resolvedAt_idx" ON "LabRefusal"("episodeId", "resolvedAt");

-- CreateIndex
CREATE INDEX "LabRefusal_unitId_resolvedAt_idx" ON "LabRefusal"("unitId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabRefusal_source_sourceRef_key" ON "LabRefusal"("source", "sourceRef");

-- CreateIndex
CREATE INDEX "Observation_episodeId_resultKey_seq_idx" ON "Observation"("episodeId", "resultKey", "seq");

