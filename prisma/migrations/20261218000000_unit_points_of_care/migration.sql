-- CreateTable
CREATE TABLE "UnitPointOfCare" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    CONSTRAINT "UnitPointOfCare_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "UnitPointOfCare_unitId_idx" ON "UnitPointOfCare"("unitId");
-- ImportRejectionCode gains ADT_REFUSED: an enum is TEXT on SQLite, nothing to alter here (PostgreSQL alters its type).
