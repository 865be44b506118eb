import { DEFAULT_SHIFT_PATTERN, ZShiftPattern, type TShiftContext, type TShiftPattern } from "@/lib/shifts";
import type { Db } from "../client";
import { getDb } from "../get-db";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

export interface TUnitShiftPattern extends TShiftContext {
  readonly unitId: string;
  readonly pattern: TShiftPattern;
  /** False when the unit has none stored and the default 07:00/19:00 applies. */
  readonly configured: boolean;
  /** When the stored pattern was last changed, epoch ms; null for the default. */
  readonly updatedAt: number | null;
}

/**
 * A unit's shift pattern with its time zone: everything lib/shifts needs to place a shift. Unknown unit: NOT_FOUND.
 * A stored pattern that no longer parses is an error, not a silent fall-back to the default: handovers would
 * otherwise be filed under shifts nobody configured.
 */
export async function getUnitShiftPattern({ db, unitId }: { db?: Db; unitId: string }): Promise<TUnitShiftPattern> {
  const client = db ?? (await getDb());
  const unit = await client.unit.findUnique({ where: { id: unitId }, select: { timeZone: true, shiftPattern: true } });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
  if (!unit.shiftPattern) {
    return { unitId, timeZone: unit.timeZone, pattern: DEFAULT_SHIFT_PATTERN, configured: false, updatedAt: null };
  }
  const parsed = ZShiftPattern.safeParse(unit.shiftPattern.shifts);
  if (!parsed.success) {
    throw new AppError(
      "INTERNAL",
      `The shift pattern stored for unit "${unitId}" is not valid; an administrator must set it again.`,
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
    );
  }
  return {
    unitId,
    timeZone: unit.timeZone,
    pattern: parsed.data,
    configured: true,
    updatedAt: unit.shiftPattern.updatedAt.getTime(),
  };
}
