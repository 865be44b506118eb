-- CreateTable
CREATE TABLE "HandoverSheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "shiftKey" TEXT NOT NULL,
    "shiftStart" DATETIME NOT NULL,
    "shiftEnd" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "illnessSeverity" TEXT,
    "situation" TEXT NOT NULL DEFAULT '',
    "contingencies" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT NOT NULL,
    "generated" TEXT,
    "actions" TEXT,
    "signedOutAt" DATETIME,
    "signedOutById" TEXT,
    "receivedAt" DATETIME,
    "receivedById" TEXT,
    "readBack" TEXT,
    CONSTRAINT "HandoverSheet_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverSheet_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HandoverAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sheetId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "amendedAt" DATETIME NOT NULL,
    "amendedById" TEXT NOT NULL,
    CONSTRAINT "HandoverAmendment_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "HandoverSheet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HandoverAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "doneAt" DATETIME,
    "doneById" TEXT,
    CONSTRAINT "HandoverAction_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverAction_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HandoverSheet_unitId_shiftStart_idx" ON "HandoverSheet"("unitId", "shiftStart");

-- CreateIndex
CREATE INDEX "HandoverSheet_bedId_shiftStart_idx" ON "HandoverSheet"("bedId", "shiftStart");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverSheet_bedId_shiftKey_key" ON "HandoverSheet"("bedId", "shiftKey");

-- CreateIndex
CREATE INDEX "HandoverAmendment_sheetId_amendedAt_idx" ON "HandoverAmendment"("sheetId", "amendedAt");

-- CreateIndex
CREATE INDEX "HandoverAction_episodeId_createdAt_idx" ON "HandoverAction"("episodeId", "createdAt");


-- A signed handover sheet is immutable (amendments are rows of their own): the code has no path that rewrites one,
-- and the database refuses anyway. Once signed out, only the receipt may be added, once.
CREATE TRIGGER "HandoverSheet_signed_is_immutable" BEFORE UPDATE ON "HandoverSheet"
WHEN OLD."signedOutAt" IS NOT NULL AND (
    NEW."illnessSeverity" IS NOT OLD."illnessSeverity" OR NEW."situation" IS NOT OLD."situation"
    OR NEW."contingencies" IS NOT OLD."contingencies" OR NEW."notes" IS NOT OLD."notes"
    OR NEW."generated" IS NOT OLD."generated" OR NEW."actions" IS NOT OLD."actions"
    OR NEW."signedOutAt" IS NOT OLD."signedOutAt" OR NEW."signedOutById" IS NOT OLD."signedOutById"
    OR NEW."bedId" IS NOT OLD."bedId" OR NEW."episodeId" IS NOT OLD."episodeId" OR NEW."shiftKey" IS NOT OLD."shiftKey"
    OR NEW."shiftStart" IS NOT OLD."shiftStart" OR NEW."shiftEnd" IS NOT OLD."shiftEnd"
    OR (OLD."receivedAt" IS NOT NULL AND (NEW."receivedAt" IS NOT OLD."receivedAt" OR NEW."receivedById" IS NOT OLD."receivedById"
        OR NEW."readBack" IS NOT OLD."readBack" OR NEW."status" IS NOT OLD."status")))
BEGIN
    SELECT RAISE(ABORT, 'A signed handover sheet is immutable: record an amendment with a reason');
END;

CREATE TRIGGER "HandoverSheet_signed_no_delete" BEFORE DELETE ON "HandoverSheet"
WHEN OLD."signedOutAt" IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'A signed handover sheet cannot be deleted');
END;

CREATE TRIGGER "HandoverAmendment_no_update" BEFORE UPDATE ON "HandoverAmendment"
BEGIN
    SELECT RAISE(ABORT, 'HandoverAmendment is append-only: rows cannot be updated');
END;

CREATE TRIGGER "HandoverAmendment_no_delete" BEFORE DELETE ON "HandoverAmendment"
BEGIN
    SELECT RAISE(ABORT, 'HandoverAmendment is append-only: rows cannot be deleted');
END;
