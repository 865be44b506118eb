-- covers: 20261214000000_change_follower
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- CreateTable
CREATE TABLE "ChangeFollower" (
    "name" TEXT NOT NULL,
    "observationSeq" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeFollower_pkey" PRIMARY KEY ("name")
);

