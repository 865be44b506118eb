import type { TCreateDisplay } from "@/lib/auth/schemas";
import type { Db } from "../client";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { assertUnitsExist } from "../users/assert-units-exist";
import type { TIssuedPairing } from "@/lib/auth/account-dtos";
import { issuePairingCode } from "./issue-pairing-code";

export interface TCreateDisplayOptions {
  db: Db;
  input: TCreateDisplay;
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}

/** Creates a wall screen bound to one unit and answers its first pairing code. */
export async function createDisplay({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: TCreateDisplayOptions): Promise<TIssuedPairing> {
  await assertUnitsExist(db, [input.unitId]);
  const id = crypto.randomUUID();
  await db.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id,
        // Not typed by anyone (a display signs in by pairing): unique and recognisable in the audit trail.
        username: `display-${id.slice(0, 8)}`,
        displayName: input.displayName,
        role: "display",
        passwordHash: null,
        createdAt: now,
        updatedAt: now,
        units: { create: [{ unitId: input.unitId }] },
      },
    });
    await recordAuditEvent({
      db: tx,
      action: "display.created",
      actor,
      context,
      target: { type: "display", id },
      unitId: input.unitId,
      details: { displayName: input.displayName },
      now,
    });
  });
  return issuePairingCode({ db, displayId: id, actor, context, now });
}
