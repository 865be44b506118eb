-- covers: 20261220000000_observation_stay
-- Written by hand after the schema diff: the data step and the partial index are not in a schema diff.
-- Issue 15: an observation belongs to the stay (docs/stays.md): "stayId" required, "episodeId" optional. PostgreSQL
-- changes nullability in place: no rebuild, every seq and the sequence untouched.

-- AlterEnum
ALTER TYPE "ImportRejectionCode" ADD VALUE 'NOT_ADMITTED';
ALTER TYPE "ImportRejectionCode" ADD VALUE 'OUTSIDE_STAY';

-- A row whose stayId is still null gets the stay of its episode.
UPDATE "Observation" o SET "stayId" = e."stayId" FROM "SupportEpisode" e WHERE o."stayId" IS NULL AND e."id" = o."episodeId";

-- DropIndex
DROP INDEX "Observation_episodeId_parameter_observedAt_value_idx";
DROP INDEX "Observation_episodeId_resultKey_seq_idx";

-- AlterTable
ALTER TABLE "Observation" ALTER COLUMN "episodeId" DROP NOT NULL,
ALTER COLUMN "stayId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Observation_stayId_parameter_observedAt_value_idx" ON "Observation"("stayId", "parameter", "observedAt", "value");

-- Partial: not in prisma/postgres/schema.prisma (prisma/partial-indexes.ts).
CREATE INDEX "Observation_stayId_resultKey_seq_idx" ON "Observation"("stayId", "resultKey", "seq") WHERE "resultKey" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
