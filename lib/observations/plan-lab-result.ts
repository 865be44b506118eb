import type { TLabResult } from "./lab-result";

/** The row a result key names now: the newest stored under it (each later row supersedes the one before). */
export interface TStoredResult {
  readonly seq: number;
  readonly parameter: string;
  readonly value: number;
  readonly comparator: string | null;
  readonly resultStatus: string | null;
}

/** What to store for an incoming laboratory result. */
export type TLabResultPlan =
  /** Nothing: the same result again, or a cancellation of a result never stored (or already cancelled). */
  | { readonly kind: "skip" }
  /** A new row that supersedes the stored one: a correction, a cancellation, the final after a preliminary. */
  | { readonly kind: "supersede"; readonly value: number; readonly supersedesSeq: number }
  /** A first row for this result, unless a row of the same content is stored already (the writer checks). */
  | { readonly kind: "new"; readonly value: number };

/**
 * The supersession rule of laboratory results, one home for both dialects' writers (insert-observation-batch.ts on
 * SQLite, insert-observation-batch.pg.ts on PostgreSQL). A result already stored under its resultKey, for the same
 * parameter, is superseded by the incoming row; the original stays, and current views leave it out
 * (current-result-sql.ts). A cancellation sent without a value (HL7 X with OBX-5 empty) keeps the value it withdraws,
 * for history. A key reused for another parameter names another result: it supersedes nothing.
 */
export function planLabResult({
  parameter,
  value,
  lab,
  current,
}: {
  parameter: string;
  value: number;
  lab: TLabResult;
  current: TStoredResult | undefined;
}): TLabResultPlan {
  const replaced = current?.parameter === parameter ? current : undefined;
  if (!replaced) return lab.status === "cancelled" && !lab.valueSent ? { kind: "skip" } : { kind: "new", value };
  const stored = lab.valueSent ? value : replaced.value;
  const unchanged =
    replaced.value === stored &&
    replaced.comparator === (lab.comparator ?? null) &&
    replaced.resultStatus === lab.status;
  if (unchanged || (replaced.resultStatus === "cancelled" && lab.status === "cancelled")) return { kind: "skip" };
  return { kind: "supersede", value: stored, supersedesSeq: replaced.seq };
}
