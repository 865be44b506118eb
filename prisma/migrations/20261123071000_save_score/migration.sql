-- AlterTable
ALTER TABLE "SupportEpisode" ADD COLUMN "saveScoreInputs" TEXT;

