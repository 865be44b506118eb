-- CreateTable
CREATE TABLE "ProtocolTimer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "anchorAt" DATETIME NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "startedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedAt" DATETIME,
    "cancelledById" TEXT,
    "cancelReason" TEXT,
    CONSTRAINT "ProtocolTimer_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "SupportEpisode" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProtocolTimer_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProtocolTimer_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProtocolStepSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "timerId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "doneAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "signedById" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "ProtocolStepSignature_timerId_fkey" FOREIGN KEY ("timerId") REFERENCES "ProtocolTimer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProtocolStepSignature_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProtocolTimer_unitId_status_idx" ON "ProtocolTimer"("unitId", "status");

-- CreateIndex
CREATE INDEX "ProtocolTimer_bedId_status_idx" ON "ProtocolTimer"("bedId", "status");

-- CreateIndex
CREATE INDEX "ProtocolTimer_episodeId_idx" ON "ProtocolTimer"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolStepSignature_timerId_stepId_occurrence_key" ON "ProtocolStepSignature"("timerId", "stepId", "occurrence");

-- A signed step is a signature: corrections are a cancellation of the plan with its reason, never an edit.
CREATE TRIGGER "ProtocolStepSignature_no_update" BEFORE UPDATE ON "ProtocolStepSignature"
BEGIN
    SELECT RAISE(ABORT, 'ProtocolStepSignature is append-only');
END;

CREATE TRIGGER "ProtocolStepSignature_no_delete" BEFORE DELETE ON "ProtocolStepSignature"
BEGIN
    SELECT RAISE(ABORT, 'ProtocolStepSignature is append-only');
END;
