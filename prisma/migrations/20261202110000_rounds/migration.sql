-- CreateTable
CREATE TABLE "RoundTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deviceType" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedById" TEXT,
    "note" TEXT,
    CONSTRAINT "RoundTemplate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundTemplateItem" (
    "templateId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionEn" TEXT NOT NULL,
    "sectionFr" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelFr" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "unit" TEXT,
    "min" REAL,
    "max" REAL,
    "parameter" TEXT,
    "choices" TEXT,

    PRIMARY KEY ("templateId", "itemId"),
    CONSTRAINT "RoundTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoundTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "dueAt" DATETIME,
    "startedAt" DATETIME,
    "signedAt" DATETIME NOT NULL,
    "signedById" TEXT NOT NULL,
    "frequencies" TEXT NOT NULL,
    "abnormalCount" INTEGER NOT NULL,
    CONSTRAINT "Round_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoundTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundAnswer" (
    "roundId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "numberValue" REAL,
    "abnormal" BOOLEAN NOT NULL,
    "comment" TEXT,

    PRIMARY KEY ("roundId", "itemId"),
    CONSTRAINT "RoundAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "numberValue" REAL,
    "abnormal" BOOLEAN NOT NULL,
    "comment" TEXT,
    "reason" TEXT NOT NULL,
    "amendedAt" DATETIME NOT NULL,
    "amendedById" TEXT NOT NULL,
    CONSTRAINT "RoundAmendment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoundAmendment_amendedById_fkey" FOREIGN KEY ("amendedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RoundTemplate_deviceType_version_key" ON "RoundTemplate"("deviceType", "version");

-- CreateIndex
CREATE INDEX "RoundTemplateItem_templateId_position_idx" ON "RoundTemplateItem"("templateId", "position");

-- CreateIndex
CREATE INDEX "Round_bedId_signedAt_idx" ON "Round"("bedId", "signedAt");

-- CreateIndex
CREATE INDEX "Round_episodeId_signedAt_idx" ON "Round"("episodeId", "signedAt");

-- CreateIndex
CREATE INDEX "Round_unitId_signedAt_idx" ON "Round"("unitId", "signedAt");

-- CreateIndex
CREATE INDEX "RoundAnswer_itemId_idx" ON "RoundAnswer"("itemId");

-- CreateIndex
CREATE INDEX "RoundAmendment_roundId_amendedAt_idx" ON "RoundAmendment"("roundId", "amendedAt");



-- A signed round is a signed document: its rows are never updated nor deleted (corrections are RoundAmendment rows,
-- themselves append-only), and a published template version never changes, so a round always reads as it was signed.
CREATE TRIGGER "Round_no_update" BEFORE UPDATE ON "Round"
BEGIN
    SELECT RAISE(ABORT, 'Round is signed: rows cannot be updated (amend instead)');
END;

CREATE TRIGGER "Round_no_delete" BEFORE DELETE ON "Round"
BEGIN
    SELECT RAISE(ABORT, 'Round is signed: rows cannot be deleted');
END;

CREATE TRIGGER "RoundAnswer_no_update" BEFORE UPDATE ON "RoundAnswer"
BEGIN
    SELECT RAISE(ABORT, 'RoundAnswer is signed: rows cannot be updated (amend instead)');
END;

CREATE TRIGGER "RoundAnswer_no_delete" BEFORE DELETE ON "RoundAnswer"
BEGIN
    SELECT RAISE(ABORT, 'RoundAnswer is signed: rows cannot be deleted');
END;

CREATE TRIGGER "RoundAmendment_no_update" BEFORE UPDATE ON "RoundAmendment"
BEGIN
    SELECT RAISE(ABORT, 'RoundAmendment is append-only: rows cannot be updated');
END;

CREATE TRIGGER "RoundAmendment_no_delete" BEFORE DELETE ON "RoundAmendment"
BEGIN
    SELECT RAISE(ABORT, 'RoundAmendment is append-only: rows cannot be deleted');
END;

CREATE TRIGGER "RoundTemplateItem_no_update" BEFORE UPDATE ON "RoundTemplateItem"
BEGIN
    SELECT RAISE(ABORT, 'A published round template version cannot be changed: publish a new version');
END;
