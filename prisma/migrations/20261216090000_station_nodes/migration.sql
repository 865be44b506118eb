-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "nodeId" TEXT;

-- CreateTable
CREATE TABLE "LeaderEpoch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "epoch" INTEGER NOT NULL,
    "nodeId" TEXT NOT NULL,
    "acquiredAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StationNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "seenAt" DATETIME NOT NULL
);

