import { ZDocumentChange, type TDocumentChange } from "@/lib/changes/change";
import type { Db } from "../client";

/**
 * Appends a document's change to DocumentChange, in the caller's transaction (`db` is the transaction): the row exists
 * if and only if the change committed, and the change feed tells the screens, whoever made it. The caller announces
 * the commit afterwards (announce-commit.ts) so that this process's feed need not wait for its next poll.
 */
export async function recordDocumentChange({
  db,
  change,
  now,
}: {
  db: Pick<Db, "documentChange">;
  change: TDocumentChange;
  now: Date;
}): Promise<void> {
  const { type, unitId, bedId, ...details } = ZDocumentChange.parse(change);
  await db.documentChange.create({ data: { type, unitId, bedId, details, at: now } });
}
