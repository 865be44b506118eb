import type { Db } from "../client";
import type { TDisplayDto } from "@/lib/auth/account-dtos";
import { DISPLAY_DTO_SELECT, toDisplayDto } from "./display-dto";

/** Every wall screen, active first, by unit then name. */
export async function listDisplays({ db, now = new Date() }: { db: Db; now?: Date }): Promise<TDisplayDto[]> {
  const rows = await db.user.findMany({
    where: { role: "display" },
    select: DISPLAY_DTO_SELECT,
    orderBy: [{ active: "desc" }, { displayName: "asc" }],
  });
  return rows
    .map((row) => toDisplayDto(row, now))
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        a.unitId.localeCompare(b.unitId) ||
        a.displayName.localeCompare(b.displayName),
    );
}
