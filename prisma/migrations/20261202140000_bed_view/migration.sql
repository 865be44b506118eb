-- CreateTable
CREATE TABLE "FourTsScreen" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "recordedById" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "inputs" TEXT NOT NULL,
    "sources" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "probability" TEXT NOT NULL,
    CONSTRAINT "FourTsScreen_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FourTsScreen_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FourTsScreen_episodeId_recordedAt_idx" ON "FourTsScreen"("episodeId", "recordedAt");

