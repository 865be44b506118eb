import type { Db } from "../client";
import type { TUserDto } from "@/lib/auth/account-dtos";
import { USER_DTO_SELECT, toUserDto } from "./user-dto";

/** Every person's account (displays are listed on their own page), active first, by name. */
export async function listUsers({ db }: { db: Db }): Promise<TUserDto[]> {
  const rows = await db.user.findMany({
    where: { role: { not: "display" } },
    select: USER_DTO_SELECT,
    orderBy: [{ active: "desc" }, { displayName: "asc" }],
  });
  return rows.map(toUserDto);
}
