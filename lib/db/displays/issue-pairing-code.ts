import { randomInt } from "node:crypto";
import type { Db } from "../client";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { hashToken } from "../auth/session-token";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { DISPLAY_DTO_SELECT, toDisplayDto } from "./display-dto";
import type { TIssuedPairing } from "@/lib/auth/account-dtos";

/** Long enough to walk to the wall screen and type it; single use. */
export const PAIRING_CODE_TTL_MS = 15 * 60_000;
// No 0/O or 1/I: the code is read off one screen and typed on another.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newPairingCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export interface TIssuePairingCode {
  db: Db;
  displayId: string;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}

/**
 * A new one-time code for a display (a first pairing, or a screen whose browser was reset). Earlier unused codes of
 * that display stop working: only the newest one shown to an admin is live.
 */
export async function issuePairingCode({
  db,
  displayId,
  actor,
  context,
  now = new Date(),
}: TIssuePairingCode): Promise<TIssuedPairing> {
  const display = await db.user.findUnique({
    where: { id: displayId },
    select: { role: true, active: true, units: { select: { unitId: true } } },
  });
  if (!display || display.role !== "display")
    throw new AppError("NOT_FOUND", `no display "${displayId}"`, undefined, refusal("displayNotFound"));
  if (!display.active)
    throw new AppError("CONFLICT", "This display was revoked; create a new one.", undefined, refusal("displayRevoked"));
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
  const row = await db.$transaction(async (tx) => {
    await tx.displayPairing.updateMany({ where: { userId: displayId, usedAt: null }, data: { expiresAt: now } });
    await tx.displayPairing.create({
      data: { id: hashToken(code), userId: displayId, createdById: actor.userId ?? "", createdAt: now, expiresAt },
    });
    await recordAuditEvent({
      db: tx,
      action: "display.pairing-issued",
      actor,
      context,
      target: { type: "display", id: displayId },
      unitId: display.units[0]?.unitId,
      details: { expiresAt: expiresAt.toISOString() },
      now,
    });
    return tx.user.findUniqueOrThrow({ where: { id: displayId }, select: DISPLAY_DTO_SELECT });
  });
  return { display: toDisplayDto(row, now), code, expiresAt: expiresAt.toISOString() };
}
