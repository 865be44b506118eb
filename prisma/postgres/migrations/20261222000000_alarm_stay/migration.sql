-- covers: 20261222000000_alarm_stay
-- Written by hand after the schema diff: the data steps are not in a schema diff.
-- Issue 15: an alarm belongs to the stay ("stayId" required, "episodeId" the episode running when raised, or null);
-- the engine's stored memory is a stay's. The same data steps as the SQLite migration: each alarm gets its episode's
-- stay; an open engine alarm of a running episode is keyed by its stay, an outside raiser's keeps its episode's, and one
-- of an ended episode keeps its old key (the
-- engine's clock ends it by id); a running episode's stored state becomes its stay's, an ended one's is dropped.

-- DropForeignKey
ALTER TABLE "Alarm" DROP CONSTRAINT "Alarm_episodeId_fkey";

-- AlterTable
ALTER TABLE "Alarm" ADD COLUMN "stayId" TEXT,
ALTER COLUMN "episodeId" DROP NOT NULL;

UPDATE "Alarm" a SET "stayId" = e."stayId",
       "openKey" = CASE WHEN a."openKey" IS NOT NULL AND a."origin" = 'engine' AND e."endedAt" IS NULL
                        THEN e."stayId" || '|' || a."ruleId" || '|' || a."subjectKey" ELSE a."openKey" END
  FROM "SupportEpisode" e WHERE e."id" = a."episodeId";

ALTER TABLE "Alarm" ALTER COLUMN "stayId" SET NOT NULL;

-- AlterTable
ALTER TABLE "AlarmEngineState" ADD COLUMN "stayId" TEXT;
UPDATE "AlarmEngineState" s SET "stayId" = e."stayId"
  FROM "SupportEpisode" e WHERE e."id" = s."episodeId" AND e."endedAt" IS NULL;
DELETE FROM "AlarmEngineState" WHERE "stayId" IS NULL;
-- One state per stay (a stay runs one support at a time): should two remain, the newest is kept.
DELETE FROM "AlarmEngineState" s USING "AlarmEngineState" t
 WHERE s."stayId" = t."stayId" AND (s."updatedAt", s."episodeId") < (t."updatedAt", t."episodeId");
ALTER TABLE "AlarmEngineState" DROP CONSTRAINT "AlarmEngineState_pkey",
DROP COLUMN "episodeId",
ALTER COLUMN "stayId" SET NOT NULL,
ADD CONSTRAINT "AlarmEngineState_pkey" PRIMARY KEY ("stayId");

-- CreateIndex
CREATE INDEX "Alarm_stayId_status_idx" ON "Alarm"("stayId", "status");

-- AddForeignKey
ALTER TABLE "Alarm" ADD CONSTRAINT "Alarm_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alarm" ADD CONSTRAINT "Alarm_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE SET NULL ON UPDATE CASCADE;
