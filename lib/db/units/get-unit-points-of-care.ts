import type { TUnitPointsOfCare } from "@/lib/stays/points-of-care";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** A unit's ADT point-of-care codes, in the order of their text. */
export async function getUnitPointsOfCare({ db, unitId }: { db: Db; unitId: string }): Promise<TUnitPointsOfCare> {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: { pointsOfCare: { select: { code: true }, orderBy: { code: "asc" } } },
  });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
  return { codes: unit.pointsOfCare.map((p) => p.code) };
}
