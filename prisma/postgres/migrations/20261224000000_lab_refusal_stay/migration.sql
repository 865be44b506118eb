-- covers: 20261224000000_lab_refusal_stay
-- Written by hand after the schema diff: the data steps are not in a schema diff.
-- Issue 16 item 4 with issue 15: a refused laboratory result belongs to the patient's stay ("stayId" required), with
-- or without support running; "episodeId" names the support running when it was received, or null. The same data
-- steps as the SQLite migration: each refusal gets its episode's stay; an open refusal's technical alarm is keyed by
-- the stay, as resolve-lab-refusal.ts now ends it.

-- DropIndex
DROP INDEX "LabRefusal_episodeId_resolvedAt_idx";

-- AlterTable
ALTER TABLE "LabRefusal" ADD COLUMN "stayId" TEXT,
ALTER COLUMN "episodeId" DROP NOT NULL;

UPDATE "LabRefusal" r SET "stayId" = e."stayId" FROM "SupportEpisode" e WHERE e."id" = r."episodeId";

ALTER TABLE "LabRefusal" ALTER COLUMN "stayId" SET NOT NULL;

UPDATE "Alarm" SET "openKey" = "stayId" || '|' || "ruleId" || '|' || "subjectKey"
 WHERE "origin" = 'labs' AND "openKey" IS NOT NULL;

-- CreateIndex
CREATE INDEX "LabRefusal_stayId_resolvedAt_idx" ON "LabRefusal"("stayId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "LabRefusal" ADD CONSTRAINT "LabRefusal_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
