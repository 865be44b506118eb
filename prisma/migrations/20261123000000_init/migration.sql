-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Bed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Bed_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "sex" TEXT NOT NULL,
    "weightKg" REAL
);

-- CreateTable
CREATE TABLE "SupportEpisode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "deviceType" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "cannulationSite" TEXT,
    "diagnosis" TEXT,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "scenario" TEXT,
    CONSTRAINT "SupportEpisode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupportEpisode_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Observation" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "unit" TEXT NOT NULL,
    "observedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    CONSTRAINT "Observation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Bed_unitId_position_idx" ON "Bed"("unitId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Bed_unitId_label_key" ON "Bed"("unitId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_identifier_key" ON "Patient"("identifier");

-- CreateIndex
CREATE INDEX "SupportEpisode_bedId_endedAt_idx" ON "SupportEpisode"("bedId", "endedAt");

-- CreateIndex
CREATE INDEX "Observation_episodeId_parameter_observedAt_idx" ON "Observation"("episodeId", "parameter", "observedAt");

-- CreateIndex
CREATE INDEX "Observation_unitId_seq_idx" ON "Observation"("unitId", "seq");

-- CreateIndex
CREATE INDEX "Observation_bedId_seq_idx" ON "Observation"("bedId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_source_sourceRef_key" ON "Observation"("source", "sourceRef");

