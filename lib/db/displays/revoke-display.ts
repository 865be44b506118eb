import type { Db } from "../client";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

export interface TRevokeDisplay {
  db: Db;
  displayId: string;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}

/**
 * Signs a wall screen out for good: deactivated, its sessions and pending codes ended. The screen's next request
 * lands on the pairing page; its open socket is closed by the server's session sweep within seconds.
 */
export async function revokeDisplay({
  db,
  displayId,
  actor,
  context,
  now = new Date(),
}: TRevokeDisplay): Promise<void> {
  const display = await db.user.findUnique({
    where: { id: displayId },
    select: { role: true, active: true, displayName: true, units: { select: { unitId: true } } },
  });
  if (!display || display.role !== "display")
    throw new AppError("NOT_FOUND", `no display "${displayId}"`, undefined, refusal("displayNotFound"));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: displayId }, data: { active: false, updatedAt: now } });
    const { count } = await tx.session.deleteMany({ where: { userId: displayId } });
    await tx.displayPairing.updateMany({ where: { userId: displayId, usedAt: null }, data: { expiresAt: now } });
    await recordAuditEvent({
      db: tx,
      action: "display.revoked",
      actor,
      context,
      target: { type: "display", id: displayId },
      unitId: display.units[0]?.unitId,
      details: { displayName: display.displayName, sessionsEnded: count, wasActive: display.active },
      now,
    });
  });
}
