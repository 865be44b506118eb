-- CreateTable
CREATE TABLE "UnitShiftPattern" (
    "unitId" TEXT NOT NULL PRIMARY KEY,
    "shifts" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnitShiftPattern_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

