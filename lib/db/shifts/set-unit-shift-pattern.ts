import type { TShiftPattern } from "@/lib/shifts";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/**
 * Sets a unit's shift pattern (an administrator's act, audited with the old and new patterns). Sheets already
 * started keep the shift they were written for (their key and instants are stored); new sheets follow the new one.
 */
export async function setUnitShiftPattern({
  db,
  unitId,
  pattern,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  pattern: TShiftPattern;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<void> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, shiftPattern: true } });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
  await db.$transaction(async (tx) => {
    await tx.unitShiftPattern.upsert({
      where: { unitId },
      create: { unitId, shifts: pattern, updatedAt: now },
      update: { shifts: pattern, updatedAt: now },
    });
    await recordAuditEvent({
      db: tx,
      action: "shift.pattern-changed",
      actor,
      context,
      target: { type: "unit", id: unitId },
      unitId,
      details: { before: unit.shiftPattern?.shifts ?? null, after: pattern },
      now,
    });
  });
}
