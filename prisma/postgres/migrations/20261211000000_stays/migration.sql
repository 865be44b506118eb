-- covers: 20261211000000_stays
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- CreateEnum
CREATE TYPE "StayDisposition" AS ENUM ('ward', 'transfer', 'home', 'death');

-- CreateEnum
CREATE TYPE "EpisodeEndReason" AS ENUM ('weaned', 'escalated', 'transfer', 'death', 'other');

-- AlterTable
ALTER TABLE "SupportEpisode" ADD COLUMN     "cannulas" JSONB,
ADD COLUMN     "cannulationSide" TEXT,
ADD COLUMN     "consoleModel" TEXT,
ADD COLUMN     "distalPerfusion" BOOLEAN,
ADD COLUMN     "distalPerfusionAt" TIMESTAMP(3),
ADD COLUMN     "endReason" "EpisodeEndReason",
ADD COLUMN     "endedById" TEXT,
ADD COLUMN     "startedById" TEXT,
ADD COLUMN     "stayId" TEXT;

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "stayId" TEXT;

-- CreateTable
CREATE TABLE "Stay" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "openBedKey" TEXT,
    "openPatientKey" TEXT,
    "admittedAt" TIMESTAMP(3) NOT NULL,
    "admittedById" TEXT,
    "dischargedAt" TIMESTAMP(3),
    "dischargedById" TEXT,
    "disposition" "StayDisposition",
    "diagnosis" TEXT,
    "weightKg" DOUBLE PRECISION,
    "heightCm" DOUBLE PRECISION,

    CONSTRAINT "Stay_pkey" PRIMARY KEY ("id")
);

-- Backfill (ported by hand from the SQLite migration): one stay per existing episode, open while the episode runs
-- and no later open episode holds the same bed or patient.
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt","dischargedAt","diagnosis","weightKg")
SELECT 'stay-' || e."id", e."patientId", b."unitId", e."bedId",
       CASE WHEN e."endedAt" IS NULL AND NOT EXISTS (
              SELECT 1 FROM "SupportEpisode" o WHERE o."bedId" = e."bedId" AND o."endedAt" IS NULL
                AND (o."startedAt" > e."startedAt" OR (o."startedAt" = e."startedAt" AND o."id" > e."id")))
            THEN e."bedId" END,
       CASE WHEN e."endedAt" IS NULL AND NOT EXISTS (
              SELECT 1 FROM "SupportEpisode" o WHERE o."patientId" = e."patientId" AND o."endedAt" IS NULL
                AND (o."startedAt" > e."startedAt" OR (o."startedAt" = e."startedAt" AND o."id" > e."id")))
            THEN e."patientId" END,
       e."startedAt", e."endedAt", e."diagnosis", p."weightKg"
FROM "SupportEpisode" e JOIN "Bed" b ON b."id" = e."bedId" JOIN "Patient" p ON p."id" = e."patientId";

UPDATE "SupportEpisode" SET "stayId" = 'stay-' || "id";
ALTER TABLE "SupportEpisode" ALTER COLUMN "stayId" SET NOT NULL;

-- CreateTable
CREATE TABLE "BedAssignment" (
    "id" SERIAL NOT NULL,
    "stayId" TEXT NOT NULL,
    "fromBedId" TEXT,
    "toBedId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" TEXT,

    CONSTRAINT "BedAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeSettingChange" (
    "id" SERIAL NOT NULL,
    "episodeId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" TEXT,
    "settings" JSONB NOT NULL,

    CONSTRAINT "EpisodeSettingChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Stay_openBedKey_key" ON "Stay"("openBedKey");

-- CreateIndex
CREATE UNIQUE INDEX "Stay_openPatientKey_key" ON "Stay"("openPatientKey");

-- CreateIndex
CREATE INDEX "Stay_unitId_dischargedAt_idx" ON "Stay"("unitId", "dischargedAt");

-- CreateIndex
CREATE INDEX "Stay_patientId_admittedAt_idx" ON "Stay"("patientId", "admittedAt");

-- CreateIndex
CREATE INDEX "BedAssignment_stayId_at_idx" ON "BedAssignment"("stayId", "at");

-- CreateIndex
CREATE INDEX "EpisodeSettingChange_episodeId_at_idx" ON "EpisodeSettingChange"("episodeId", "at");

-- CreateIndex
CREATE INDEX "SupportEpisode_stayId_startedAt_idx" ON "SupportEpisode"("stayId", "startedAt");

-- AddForeignKey
ALTER TABLE "Stay" ADD CONSTRAINT "Stay_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stay" ADD CONSTRAINT "Stay_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stay" ADD CONSTRAINT "Stay_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_fromBedId_fkey" FOREIGN KEY ("fromBedId") REFERENCES "Bed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BedAssignment" ADD CONSTRAINT "BedAssignment_toBedId_fkey" FOREIGN KEY ("toBedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeSettingChange" ADD CONSTRAINT "EpisodeSettingChange_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportEpisode" ADD CONSTRAINT "SupportEpisode_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Each stay's bed history starts with its admission.
INSERT INTO "BedAssignment" ("stayId","fromBedId","toBedId","at") SELECT "id", NULL, "bedId", "admittedAt" FROM "Stay";

-- The settings each episode started with are the first entry of its settings history.
INSERT INTO "EpisodeSettingChange" ("episodeId","at","settings") SELECT "id", "startedAt", "settings" FROM "SupportEpisode";

-- Observations belong to the stay of their episode.
UPDATE "Observation" SET "stayId" = 'stay-' || "episodeId";
