-- covers: 20261225000000_protocol_step_finding
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- Issue 15 item 1: a limb check's finding ("normal" | "abnormal"), null for every other step and for the
-- signatures written before; the append-only triggers are untouched (ADD COLUMN updates no row).

-- AlterTable
ALTER TABLE "ProtocolStepSignature" ADD COLUMN     "finding" TEXT;

