import type { Db } from "../client";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password-hash";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

export interface TResetPasswordOptions {
  db: Db;
  userId: string;
  password: string;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}

/** Sets a new password chosen by an admin and ends the user's sessions (whoever knew the old one is signed out). */
export async function resetPassword({
  db,
  userId,
  password,
  actor,
  context,
  now = new Date(),
}: TResetPasswordOptions): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { username: true, role: true } });
  if (!user || user.role === "display")
    throw new AppError("NOT_FOUND", `no user "${userId}"`, undefined, refusal("userNotFound"));
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, updatedAt: now } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent({
      db: tx,
      action: "user.password-reset",
      actor,
      context,
      target: { type: "user", id: userId },
      details: { username: user.username, sessionsEnded: count },
      now,
    });
  });
}
