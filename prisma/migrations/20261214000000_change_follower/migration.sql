-- CreateTable
CREATE TABLE "ChangeFollower" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "observationSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

