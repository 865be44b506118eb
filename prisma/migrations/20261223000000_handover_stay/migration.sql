-- Issue 15: a handover sheet and a handover action belong to the stay that held the bed during the shift ("stayId"
-- required), so that a patient admitted before cannulation, or whose balloon has been removed, is still handed over;
-- "episodeId" becomes the support running during the shift, if any (device settings and rounds are read from it).
-- SQLite cannot change a column's nullability: both tables are rebuilt, every row kept, each given its episode's stay.
-- Rebuilding HandoverSheet drops its triggers: they are created again, the signed sheet's stay now as immutable as
-- its episode (HandoverAmendment's rows point at the same ids).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HandoverSheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "stayId" TEXT NOT NULL,
    "episodeId" TEXT,
    "shiftKey" TEXT NOT NULL,
    "shiftStart" DATETIME NOT NULL,
    "shiftEnd" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "illnessSeverity" TEXT,
    "situation" TEXT NOT NULL DEFAULT '',
    "contingencies" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT NOT NULL,
    "generated" JSONB,
    "actions" JSONB,
    "signedOutAt" DATETIME,
    "signedOutById" TEXT,
    "receivedAt" DATETIME,
    "receivedById" TEXT,
    "readBack" TEXT,
    CONSTRAINT "HandoverSheet_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverSheet_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverSheet_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HandoverSheet" ("actions", "bedId", "contingencies", "createdAt", "createdById", "episodeId", "stayId", "generated", "id", "illnessSeverity", "notes", "readBack", "receivedAt", "receivedById", "shiftEnd", "shiftKey", "shiftStart", "signedOutAt", "signedOutById", "situation", "status", "unitId", "updatedAt", "updatedById", "version")
SELECT h."actions", h."bedId", h."contingencies", h."createdAt", h."createdById", h."episodeId", e."stayId", h."generated", h."id", h."illnessSeverity", h."notes", h."readBack", h."receivedAt", h."receivedById", h."shiftEnd", h."shiftKey", h."shiftStart", h."signedOutAt", h."signedOutById", h."situation", h."status", h."unitId", h."updatedAt", h."updatedById", h."version"
  FROM "HandoverSheet" h JOIN "SupportEpisode" e ON e."id" = h."episodeId";
DROP TABLE "HandoverSheet";
ALTER TABLE "new_HandoverSheet" RENAME TO "HandoverSheet";
CREATE INDEX "HandoverSheet_unitId_shiftStart_idx" ON "HandoverSheet"("unitId", "shiftStart");
CREATE INDEX "HandoverSheet_bedId_shiftStart_idx" ON "HandoverSheet"("bedId", "shiftStart");
CREATE UNIQUE INDEX "HandoverSheet_bedId_shiftKey_key" ON "HandoverSheet"("bedId", "shiftKey");
CREATE TABLE "new_HandoverAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "stayId" TEXT NOT NULL,
    "episodeId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "doneAt" DATETIME,
    "doneById" TEXT,
    CONSTRAINT "HandoverAction_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverAction_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverAction_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HandoverAction" ("bedId", "createdAt", "createdById", "doneAt", "doneById", "episodeId", "stayId", "id", "text", "unitId")
SELECT a."bedId", a."createdAt", a."createdById", a."doneAt", a."doneById", a."episodeId", e."stayId", a."id", a."text", a."unitId"
  FROM "HandoverAction" a JOIN "SupportEpisode" e ON e."id" = a."episodeId";
DROP TABLE "HandoverAction";
ALTER TABLE "new_HandoverAction" RENAME TO "HandoverAction";
CREATE INDEX "HandoverAction_stayId_createdAt_idx" ON "HandoverAction"("stayId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- A signed handover sheet is immutable (amendments are rows of their own); once signed out, only the receipt may be
-- added, once. As in 20261203000000_enums_and_json, with the stay.
CREATE TRIGGER "HandoverSheet_signed_is_immutable" BEFORE UPDATE ON "HandoverSheet"
WHEN OLD."signedOutAt" IS NOT NULL AND (
    NEW."illnessSeverity" IS NOT OLD."illnessSeverity" OR NEW."situation" IS NOT OLD."situation"
    OR NEW."contingencies" IS NOT OLD."contingencies" OR NEW."notes" IS NOT OLD."notes"
    OR NEW."generated" IS NOT OLD."generated" OR NEW."actions" IS NOT OLD."actions"
    OR NEW."signedOutAt" IS NOT OLD."signedOutAt" OR NEW."signedOutById" IS NOT OLD."signedOutById"
    OR NEW."bedId" IS NOT OLD."bedId" OR NEW."stayId" IS NOT OLD."stayId" OR NEW."episodeId" IS NOT OLD."episodeId"
    OR NEW."shiftKey" IS NOT OLD."shiftKey" OR NEW."shiftStart" IS NOT OLD."shiftStart" OR NEW."shiftEnd" IS NOT OLD."shiftEnd"
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
