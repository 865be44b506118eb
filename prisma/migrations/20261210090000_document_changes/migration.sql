-- CreateTable
CREATE TABLE "DocumentChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bedId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL
);

-- The change feed follows this log by seq, as it follows Observation and AlarmEvent: a row changed or removed after
-- it was told would make the screens' story and the database's differ.
CREATE TRIGGER "DocumentChange_no_update" BEFORE UPDATE ON "DocumentChange"
BEGIN
    SELECT RAISE(ABORT, 'DocumentChange is append-only: rows cannot be updated');
END;

CREATE TRIGGER "DocumentChange_no_delete" BEFORE DELETE ON "DocumentChange"
BEGIN
    SELECT RAISE(ABORT, 'DocumentChange is append-only: rows cannot be deleted');
END;
