import type { TAdtMessage } from "@/lib/imports/hl7/adt-message";
import type { TImportRejection } from "@/lib/imports/import-record";
import { applyAdtMessage } from "../adt/apply-adt-message";
import type { Db } from "../client";

/**
 * An ADT message met in an imported file, applied where it stands (the results before it are committed first, so
 * that an admission is in place for the results after it): null when done, else the rejection for the job's report,
 * with the HL7 field and the reason. A dry run writes nothing, so it does not apply it either: it was read, that is
 * all a dry run can say of it.
 */
export async function applyAdtItem({
  db,
  message,
  location,
  dryRun,
  now,
}: {
  db: Db;
  message: TAdtMessage;
  location: string;
  dryRun: boolean;
  now: Date;
}): Promise<TImportRejection | null> {
  if (dryRun) return null;
  const outcome = await applyAdtMessage({ db, message, now });
  if (outcome.status === "applied") return null;
  return {
    location,
    field: outcome.field,
    value: `ADT^${message.event} ${message.mrn}`,
    code: "ADT_REFUSED",
    reason: outcome.reason,
  };
}
