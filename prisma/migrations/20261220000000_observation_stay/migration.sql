-- Issue 15: an observation belongs to the stay, not to a support episode (docs/stays.md). "stayId" becomes required
-- and "episodeId" optional: a lab, limb or nursing value of an admitted patient without running support (a lactate
-- before cannulation, limb checks after an IABP's removal) is stored with its stay and no episode.
-- SQLite cannot change a column's nullability: the table is rebuilt. Every row keeps its "seq", and the AUTOINCREMENT
-- counter keeps its value (a seq is never handed out twice: screens replay "after seq N"), saved before the old table
-- goes (its sqlite_sequence row goes with it) and put back after the rename. Observation has no triggers to carry.
-- A row whose stayId is still null (none should be: 20261211000000_stays filled them, and the write path since)
-- gets the stay of its episode.
-- Indexes: reads are keyed by stay, (stayId, parameter, observedAt, value) replaces the episode's; the result index
-- (stayId, resultKey, seq) is partial, WHERE "resultKey" IS NOT NULL: device readings, most of the table, have no
-- resultKey and now pay for no entry. Prisma cannot declare a partial index: prisma/partial-indexes.ts.

-- The AUTOINCREMENT counter, kept across the rebuild.
CREATE TABLE "_ObservationSequence" ("seq" INTEGER NOT NULL);
INSERT INTO "_ObservationSequence" SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Observation';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Observation" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT,
    "bedId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "unit" TEXT NOT NULL,
    "observedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "stayId" TEXT NOT NULL,
    "comparator" TEXT,
    "resultKey" TEXT,
    "resultStatus" TEXT,
    "supersedesSeq" INTEGER,
    CONSTRAINT "Observation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Observation_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Observation" ("seq", "episodeId", "bedId", "unitId", "parameter", "value", "unit", "observedAt", "receivedAt", "source", "sourceRef", "stayId", "comparator", "resultKey", "resultStatus", "supersedesSeq")
SELECT o."seq", o."episodeId", o."bedId", o."unitId", o."parameter", o."value", o."unit", o."observedAt", o."receivedAt", o."source", o."sourceRef",
       COALESCE(o."stayId", (SELECT e."stayId" FROM "SupportEpisode" e WHERE e."id" = o."episodeId")),
       o."comparator", o."resultKey", o."resultStatus", o."supersedesSeq"
  FROM "Observation" o;
DROP TABLE "Observation";
ALTER TABLE "new_Observation" RENAME TO "Observation";
CREATE UNIQUE INDEX "Observation_source_sourceRef_key" ON "Observation"("source", "sourceRef");
CREATE INDEX "Observation_stayId_parameter_observedAt_value_idx" ON "Observation"("stayId", "parameter", "observedAt", "value");
CREATE INDEX "Observation_unitId_seq_idx" ON "Observation"("unitId", "seq");
CREATE INDEX "Observation_bedId_seq_idx" ON "Observation"("bedId", "seq");
-- Partial: not in prisma/schema.prisma (prisma/partial-indexes.ts).
CREATE INDEX "Observation_stayId_resultKey_seq_idx" ON "Observation"("stayId", "resultKey", "seq") WHERE "resultKey" IS NOT NULL;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The counter as it was, were it above the highest seq kept (rows removed at the end, an insert rolled back).
UPDATE "sqlite_sequence" SET "seq" = MAX("seq", (SELECT "seq" FROM "_ObservationSequence"))
 WHERE "name" = 'Observation' AND EXISTS (SELECT 1 FROM "_ObservationSequence");
INSERT INTO "sqlite_sequence" ("name", "seq")
SELECT 'Observation', "seq" FROM "_ObservationSequence"
 WHERE NOT EXISTS (SELECT 1 FROM "sqlite_sequence" WHERE "name" = 'Observation');
DROP TABLE "_ObservationSequence";
