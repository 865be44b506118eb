import type { TUpdateUser } from "@/lib/auth/schemas";
import type { Db } from "../client";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { assertUnitsExist } from "./assert-units-exist";
import type { TUserDto } from "@/lib/auth/account-dtos";
import { USER_DTO_SELECT, toUserDto } from "./user-dto";

export interface TUpdateUserOptions {
  db: Db;
  userId: string;
  changes: TUpdateUser;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}

/**
 * Changes a person's name, role, units or active state. A role or unit change, and a deactivation, end the user's
 * sessions: the next request signs in again with the new rights (open sockets close within the server's sweep).
 */
export async function updateUser({
  db,
  userId,
  changes,
  actor,
  context,
  now = new Date(),
}: TUpdateUserOptions): Promise<TUserDto> {
  const before = await db.user.findUnique({ where: { id: userId }, select: USER_DTO_SELECT });
  if (!before || before.role === "display")
    throw new AppError("NOT_FOUND", `no user "${userId}"`, undefined, refusal("userNotFound"));
  if (changes.unitIds) await assertUnitsExist(db, changes.unitIds);
  if (actor.userId === userId && (changes.active === false || (changes.role && changes.role !== "admin"))) {
    // An admin who removes their own rights could leave the station with no administrator.
    throw new AppError(
      "CONFLICT",
      "You cannot deactivate yourself or remove your own admin role; ask another administrator.",
      undefined,
      refusal("ownAdminRights"),
    );
  }

  const oldUnits = before.units.map((u) => u.unitId).sort();
  const unitsChanged =
    changes.unitIds !== undefined && JSON.stringify([...changes.unitIds].sort()) !== JSON.stringify(oldUnits);
  const roleChanged = changes.role !== undefined && changes.role !== before.role;
  const activeChanged = changes.active !== undefined && changes.active !== before.active;
  const rightsChanged = unitsChanged || roleChanged || changes.active === false;

  return db.$transaction(async (tx) => {
    if (unitsChanged && changes.unitIds) {
      await tx.userUnit.deleteMany({ where: { userId } });
      await tx.userUnit.createMany({ data: changes.unitIds.map((unitId) => ({ userId, unitId })) });
    }
    // Sessions end before the user is read back, so that the answer shows none open (it showed the ended ones).
    if (rightsChanged) await tx.session.deleteMany({ where: { userId } });
    const row = await tx.user.update({
      where: { id: userId },
      data: { displayName: changes.displayName, role: changes.role, active: changes.active, updatedAt: now },
      select: USER_DTO_SELECT,
    });
    const action = activeChanged ? (changes.active ? "user.reactivated" : "user.deactivated") : "user.updated";
    await recordAuditEvent({
      db: tx,
      action,
      actor,
      context,
      target: { type: "user", id: userId },
      details: {
        username: before.username,
        ...(roleChanged ? { role: { from: before.role, to: changes.role } } : {}),
        ...(unitsChanged ? { unitIds: { from: oldUnits, to: changes.unitIds } } : {}),
        ...(changes.displayName !== undefined && changes.displayName !== before.displayName
          ? { displayName: { from: before.displayName, to: changes.displayName } }
          : {}),
        ...(rightsChanged ? { sessionsEnded: before.sessions.length } : {}),
      },
      now,
    });
    return toUserDto(row);
  });
}
