-- Issue 15 item 1: a limb check after the balloon's removal is charted with its finding ("normal" | "abnormal", the
-- comment of an abnormal one in "note"), so that a cold, pale leg found after removal is recorded as a finding and
-- raises an alarm on the patient's stay (lib/db/protocols/sign-protocol-step.ts). Null for every other step and for
-- the signatures written before. The table's append-only triggers are untouched: ADD COLUMN neither updates nor
-- deletes a row.

-- AlterTable
ALTER TABLE "ProtocolStepSignature" ADD COLUMN "finding" TEXT;
