-- Issue 16 item 4 with issue 15: a refused laboratory result belongs to the patient's stay ("stayId" required), with
-- or without support running; "episodeId" names the support running when it was received (null when none ran: a
-- patient admitted and not yet cannulated, or after an IABP's removal). Before, a result refused while no support ran
-- was recorded nowhere.
-- SQLite cannot change a column's nullability: the table is rebuilt, every row kept, each with its episode's stay
-- (LabRefusal.episodeId always named an existing episode: episodes are never deleted).
-- The open technical alarm of a refusal becomes the stay's ("<stayId>|lab-result-unreadable|<refusalId>",
-- lib/alarms/external-alarm-schema.ts), as resolve-lab-refusal.ts now ends it: it stays open until someone deals with
-- the refusal, even after the support has ended.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LabRefusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stayId" TEXT NOT NULL,
    "episodeId" TEXT,
    "bedId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "observedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "LabRefusal_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_LabRefusal" ("id", "stayId", "episodeId", "bedId", "unitId", "parameter", "observedAt", "receivedAt", "kind", "field", "value", "reason", "source", "sourceRef", "resolvedAt", "resolvedById")
SELECT r."id", e."stayId", r."episodeId", r."bedId", r."unitId", r."parameter", r."observedAt", r."receivedAt", r."kind", r."field", r."value", r."reason", r."source", r."sourceRef", r."resolvedAt", r."resolvedById"
  FROM "LabRefusal" r JOIN "SupportEpisode" e ON e."id" = r."episodeId";
DROP TABLE "LabRefusal";
ALTER TABLE "new_LabRefusal" RENAME TO "LabRefusal";
CREATE UNIQUE INDEX "LabRefusal_source_sourceRef_key" ON "LabRefusal"("source", "sourceRef");
CREATE INDEX "LabRefusal_stayId_resolvedAt_idx" ON "LabRefusal"("stayId", "resolvedAt");
CREATE INDEX "LabRefusal_unitId_resolvedAt_idx" ON "LabRefusal"("unitId", "resolvedAt");
UPDATE "Alarm" SET "openKey" = "stayId" || '|' || "ruleId" || '|' || "subjectKey"
 WHERE "origin" = 'labs' AND "openKey" IS NOT NULL;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
