import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** Refuses unit ids that name no unit, saying which: a typo must not silently give a user no access. */
export async function assertUnitsExist(db: Pick<Db, "unit">, unitIds: readonly string[]): Promise<void> {
  const found = await db.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true } });
  const known = new Set(found.map((u) => u.id));
  const unknown = unitIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AppError(
      "INVALID_INPUT",
      `unitIds: no unit "${unknown.join('", "')}"`,
      { field: "unitIds" },
      refusal("unknownUnits", { units: unknown.join(", ") }),
    );
}
