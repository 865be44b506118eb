-- covers: 20261216090000_station_nodes
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "nodeId" TEXT;

-- AlterTable
ALTER TABLE "ChangeFollower" ALTER COLUMN "observationSeq" SET DATA TYPE BIGINT;

-- CreateTable
CREATE TABLE "LeaderEpoch" (
    "id" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "nodeId" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaderEpoch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StationNode" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StationNode_pkey" PRIMARY KEY ("id")
);

