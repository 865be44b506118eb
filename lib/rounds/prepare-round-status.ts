import { splitDuration } from "./describe-answer";
import type { TBedRoundStatus } from "./round-dtos";
import { describeDue } from "./schedule";

export type TPreparedRoundStatus =
  | { readonly kind: "empty" }
  /** A patient whose device has no checklist published. */
  | { readonly kind: "no-checklist" }
  | {
      readonly kind: "due" | "overdue";
      readonly dueAt: number;
      readonly duration: ReturnType<typeof splitDuration>;
      readonly open: NonNullable<TBedRoundStatus["schedule"]>["open"];
      readonly findings: number;
    };

/**
 * A bed's round status at `now` (server time), as the tile and the rounds page word it: "round due in 12 min",
 * "round overdue 25 min", and how many abnormal findings are flagged on the bed.
 */
export function prepareRoundStatus(bed: TBedRoundStatus, now: number): TPreparedRoundStatus {
  if (!bed.episode) return { kind: "empty" };
  if (!bed.schedule) return { kind: "no-checklist" };
  const { overdue, minutes } = describeDue(bed.schedule.dueAt, now);
  return {
    kind: overdue ? "overdue" : "due",
    dueAt: bed.schedule.dueAt,
    duration: splitDuration(minutes),
    open: bed.schedule.open,
    findings: bed.abnormal.length,
  };
}
