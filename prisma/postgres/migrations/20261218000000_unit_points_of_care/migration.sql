-- covers: 20261218000000_unit_points_of_care
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- AlterEnum
ALTER TYPE "ImportRejectionCode" ADD VALUE 'ADT_REFUSED';

-- CreateTable
CREATE TABLE "UnitPointOfCare" (
    "code" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "UnitPointOfCare_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "UnitPointOfCare_unitId_idx" ON "UnitPointOfCare"("unitId");

-- AddForeignKey
ALTER TABLE "UnitPointOfCare" ADD CONSTRAINT "UnitPointOfCare_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

