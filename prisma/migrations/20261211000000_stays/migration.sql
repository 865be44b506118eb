-- Issue 15: a patient's stay is the container. Each existing episode becomes the one episode of a stay of its own
-- ("stay-" || the episode's id): admitted when the episode started, discharged when it ended (no disposition is
-- known for those: null), in the episode's bed, with the episode's diagnosis and the patient's weight. Its bed
-- history is one assignment (the admission). Observations get the stay of their episode. Nothing is removed.
-- An open stay holds its bed's and its patient's keys; should an old database hold two open episodes on one bed (or
-- of one patient), only the newest gets the key and the older stays keep dischargedAt null with no key: visible in
-- the archive search as still open, never lost.

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN "stayId" TEXT;

-- CreateTable
CREATE TABLE "Stay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "openBedKey" TEXT,
    "openPatientKey" TEXT,
    "admittedAt" DATETIME NOT NULL,
    "admittedById" TEXT,
    "dischargedAt" DATETIME,
    "dischargedById" TEXT,
    "disposition" TEXT,
    "diagnosis" TEXT,
    "weightKg" REAL,
    "heightCm" REAL,
    CONSTRAINT "Stay_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Stay_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Stay_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Backfill: one stay per existing episode.
INSERT INTO "Stay" ("id","patientId","unitId","bedId","openBedKey","openPatientKey","admittedAt","dischargedAt","diagnosis","weightKg")
SELECT 'stay-' || e."id", e."patientId", b."unitId", e."bedId",
       CASE WHEN e."endedAt" IS NULL AND NOT EXISTS (
              SELECT 1 FROM "SupportEpisode" o WHERE o."bedId" = e."bedId" AND o."endedAt" IS NULL
                AND (o."startedAt" > e."startedAt" OR (o."startedAt" = e."startedAt" AND o."id" > e."id")))
            THEN e."bedId" END,
       CASE WHEN e."endedAt" IS NULL AND NOT EXISTS (
              SELECT 1 FROM "SupportEpisode" o WHERE o."patientId" = e."patientId" AND o."endedAt" IS NULL
                AND (o."startedAt" > e."startedAt" OR (o."startedAt" = e."startedAt" AND o."id" > e."id")))
            THEN e."patientId" END,
       e."startedAt", e."endedAt", e."diagnosis", p."weightKg"
FROM "SupportEpisode" e JOIN "Bed" b ON b."id" = e."bedId" JOIN "Patient" p ON p."id" = e."patientId";

-- CreateTable
CREATE TABLE "BedAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stayId" TEXT NOT NULL,
    "fromBedId" TEXT,
    "toBedId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "byId" TEXT,
    CONSTRAINT "BedAssignment_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BedAssignment_fromBedId_fkey" FOREIGN KEY ("fromBedId") REFERENCES "Bed" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BedAssignment_toBedId_fkey" FOREIGN KEY ("toBedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EpisodeSettingChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "byId" TEXT,
    "settings" JSONB NOT NULL,
    CONSTRAINT "EpisodeSettingChange_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupportEpisode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stayId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "deviceType" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "startedById" TEXT,
    "endedById" TEXT,
    "cannulationSite" TEXT,
    "cannulationSide" TEXT,
    "cannulas" JSONB,
    "distalPerfusion" BOOLEAN,
    "distalPerfusionAt" DATETIME,
    "consoleModel" TEXT,
    "diagnosis" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "scenario" TEXT,
    "saveScoreInputs" JSONB,
    CONSTRAINT "SupportEpisode_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "Stay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupportEpisode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupportEpisode_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SupportEpisode" ("stayId", "bedId", "cannulationSite", "deviceType", "diagnosis", "endedAt", "id", "patientId", "saveScoreInputs", "scenario", "settings", "startedAt") SELECT 'stay-' || "id", "bedId", "cannulationSite", "deviceType", "diagnosis", "endedAt", "id", "patientId", "saveScoreInputs", "scenario", "settings", "startedAt" FROM "SupportEpisode";
DROP TABLE "SupportEpisode";
ALTER TABLE "new_SupportEpisode" RENAME TO "SupportEpisode";
CREATE INDEX "SupportEpisode_bedId_endedAt_idx" ON "SupportEpisode"("bedId", "endedAt");
CREATE INDEX "SupportEpisode_stayId_startedAt_idx" ON "SupportEpisode"("stayId", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Stay_openBedKey_key" ON "Stay"("openBedKey");

-- CreateIndex
CREATE UNIQUE INDEX "Stay_openPatientKey_key" ON "Stay"("openPatientKey");

-- CreateIndex
CREATE INDEX "Stay_unitId_dischargedAt_idx" ON "Stay"("unitId", "dischargedAt");

-- CreateIndex
CREATE INDEX "Stay_patientId_admittedAt_idx" ON "Stay"("patientId", "admittedAt");

-- CreateIndex
CREATE INDEX "BedAssignment_stayId_at_idx" ON "BedAssignment"("stayId", "at");

-- CreateIndex
CREATE INDEX "EpisodeSettingChange_episodeId_at_idx" ON "EpisodeSettingChange"("episodeId", "at");


-- Each stay's bed history starts with its admission.
INSERT INTO "BedAssignment" ("stayId","fromBedId","toBedId","at") SELECT "id", NULL, "bedId", "admittedAt" FROM "Stay";

-- The settings each episode started with are the first entry of its settings history.
INSERT INTO "EpisodeSettingChange" ("episodeId","at","settings") SELECT "id", "startedAt", "settings" FROM "SupportEpisode";

-- Observations belong to the stay of their episode.
UPDATE "Observation" SET "stayId" = 'stay-' || "episodeId";
