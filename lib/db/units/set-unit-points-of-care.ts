import { ZUnitPointsOfCare, type TUnitPointsOfCare } from "@/lib/stays/points-of-care";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/**
 * Replaces a unit's ADT point-of-care codes (an administrator's act, audited with the codes before and after). A code
 * another unit already has is refused, naming that unit: one PV1-3 must address one bed.
 */
export async function setUnitPointsOfCare({
  db,
  unitId,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  input: TUnitPointsOfCare;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<void> {
  const { codes } = ZUnitPointsOfCare.parse(input);
  await db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, include: { pointsOfCare: true } });
    if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
    const taken = await tx.unitPointOfCare.findFirst({
      where: { code: { in: codes }, unitId: { not: unitId } },
      include: { unit: { select: { name: true } } },
    });
    if (taken)
      throw new AppError(
        "CONFLICT",
        `codes: "${taken.code}" already names unit ${taken.unit.name}.`,
        { field: "codes" },
        refusal("pointOfCareTaken", { code: taken.code, unit: taken.unit.name }),
      );
    await tx.unitPointOfCare.deleteMany({ where: { unitId } });
    await tx.unitPointOfCare.createMany({ data: codes.map((code) => ({ code, unitId })) });
    await recordAuditEvent({
      db: tx,
      action: "unit.points-of-care-changed",
      actor,
      context,
      target: { type: "unit", id: unitId },
      unitId,
      details: { before: unit.pointsOfCare.map((p) => p.code).sort(), after: codes },
      now,
    });
  });
}
