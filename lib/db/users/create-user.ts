import type { TCreateUser } from "@/lib/auth/schemas";
import type { Db } from "../client";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password-hash";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { assertUnitsExist } from "./assert-units-exist";
import type { TUserDto } from "@/lib/auth/account-dtos";
import { USER_DTO_SELECT, toUserDto } from "./user-dto";

export interface TCreateUserOptions {
  db: Db;
  input: TCreateUser;
  /** The admin who creates it; null from the command line (`npm run user:create`), which audits as "cli". */
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}

/** Creates a person's account (nurse, physician, perfusionist, admin) with its units, audited in the same commit. */
export async function createUser({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: TCreateUserOptions): Promise<TUserDto> {
  await assertUnitsExist(db, input.unitIds);
  const existing = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (existing)
    throw new AppError(
      "CONFLICT",
      `username: "${input.username}" is taken`,
      { field: "username" },
      refusal("usernameTaken", { username: input.username }),
    );
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  return db.$transaction(async (tx) => {
    const row = await tx.user.create({
      data: {
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        createdAt: now,
        updatedAt: now,
        units: { create: input.unitIds.map((unitId) => ({ unitId })) },
      },
      select: USER_DTO_SELECT,
    });
    await recordAuditEvent({
      db: tx,
      action: "user.created",
      actor: actor ?? { userId: null, username: "cli", role: null },
      context,
      target: { type: "user", id },
      details: { username: input.username, role: input.role, unitIds: input.unitIds },
      now,
    });
    return toUserDto(row);
  });
}
