-- covers: 20261223000000_handover_stay
-- Written by `npm run db:pg:migration` from the schema diff, the data steps and the trigger ported by hand.
-- Issue 15: a handover sheet and a handover action belong to the stay that held the bed during the shift ("stayId"
-- required); "episodeId" becomes the support running during the shift, if any. As the SQLite migration: each row
-- gets its episode's stay; the signed sheet's stay is as immutable as its episode.

-- DropForeignKey
ALTER TABLE "HandoverSheet" DROP CONSTRAINT "HandoverSheet_episodeId_fkey";

-- DropForeignKey
ALTER TABLE "HandoverAction" DROP CONSTRAINT "HandoverAction_episodeId_fkey";

-- DropIndex
DROP INDEX "HandoverAction_episodeId_createdAt_idx";

-- AlterTable (the stay filled in from the episode before it is required; the old trigger does not watch "stayId")
ALTER TABLE "HandoverSheet" ADD COLUMN "stayId" TEXT,
ALTER COLUMN "episodeId" DROP NOT NULL;
UPDATE "HandoverSheet" h SET "stayId" = e."stayId" FROM "SupportEpisode" e WHERE e."id" = h."episodeId";
ALTER TABLE "HandoverSheet" ALTER COLUMN "stayId" SET NOT NULL;

-- AlterTable
ALTER TABLE "HandoverAction" ADD COLUMN "stayId" TEXT,
ALTER COLUMN "episodeId" DROP NOT NULL;
UPDATE "HandoverAction" a SET "stayId" = e."stayId" FROM "SupportEpisode" e WHERE e."id" = a."episodeId";
ALTER TABLE "HandoverAction" ALTER COLUMN "stayId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "HandoverAction_stayId_createdAt_idx" ON "HandoverAction"("stayId", "createdAt");

-- AddForeignKey
ALTER TABLE "HandoverSheet" ADD CONSTRAINT "HandoverSheet_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverSheet" ADD CONSTRAINT "HandoverSheet_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverAction" ADD CONSTRAINT "HandoverAction_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverAction" ADD CONSTRAINT "HandoverAction_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A signed handover sheet is immutable, its stay included (the baseline's trigger, with "stayId").
DROP TRIGGER "HandoverSheet_signed_is_immutable" ON "HandoverSheet";
CREATE TRIGGER "HandoverSheet_signed_is_immutable" BEFORE UPDATE ON "HandoverSheet" FOR EACH ROW
WHEN (OLD."signedOutAt" IS NOT NULL AND (
    NEW."illnessSeverity" IS DISTINCT FROM OLD."illnessSeverity" OR NEW."situation" IS DISTINCT FROM OLD."situation"
    OR NEW."contingencies" IS DISTINCT FROM OLD."contingencies" OR NEW."notes" IS DISTINCT FROM OLD."notes"
    OR NEW."generated" IS DISTINCT FROM OLD."generated" OR NEW."actions" IS DISTINCT FROM OLD."actions"
    OR NEW."signedOutAt" IS DISTINCT FROM OLD."signedOutAt" OR NEW."signedOutById" IS DISTINCT FROM OLD."signedOutById"
    OR NEW."bedId" IS DISTINCT FROM OLD."bedId" OR NEW."stayId" IS DISTINCT FROM OLD."stayId" OR NEW."episodeId" IS DISTINCT FROM OLD."episodeId"
    OR NEW."shiftKey" IS DISTINCT FROM OLD."shiftKey" OR NEW."shiftStart" IS DISTINCT FROM OLD."shiftStart" OR NEW."shiftEnd" IS DISTINCT FROM OLD."shiftEnd"
    OR (OLD."receivedAt" IS NOT NULL AND (NEW."receivedAt" IS DISTINCT FROM OLD."receivedAt" OR NEW."receivedById" IS DISTINCT FROM OLD."receivedById"
        OR NEW."readBack" IS DISTINCT FROM OLD."readBack" OR NEW."status" IS DISTINCT FROM OLD."status"))))
EXECUTE FUNCTION "station_refuse_change"('A signed handover sheet is immutable: record an amendment with a reason');
