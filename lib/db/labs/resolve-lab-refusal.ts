import { AppError } from "@/lib/errors/app-error";
import { refusal as catalogueReason } from "@/lib/errors/refusal";
import { clearExternalAlarm } from "../alarms/clear-external-alarm";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import type { Db } from "../client";
import { LAB_REFUSAL_RULE } from "@/lib/alarms/lab-refusal-rule";

/**
 * A person has dealt with a laboratory result that could not be read (called the lab, had it re-sent): the refusal is
 * marked with who and when, its technical alarm ends, and the audit trail says so, in one transaction.
 */
export async function resolveLabRefusal({
  db,
  bedId,
  refusalId,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  refusalId: string;
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ resolvedAt: number; resolvedBy: string }> {
  await db.$transaction(async (tx) => {
    const refusal = await tx.labRefusal.findUnique({ where: { id: refusalId } });
    if (!refusal || refusal.bedId !== bedId)
      throw new AppError(
        "NOT_FOUND",
        `No unread laboratory result "${refusalId}" at this bed.`,
        undefined,
        catalogueReason("labResultNotFound"),
      );
    if (refusal.resolvedAt !== null)
      throw new AppError(
        "CONFLICT",
        "This laboratory result has already been dealt with.",
        undefined,
        catalogueReason("labResultDealtWith"),
      );
    await tx.labRefusal.update({ where: { id: refusalId }, data: { resolvedAt: now, resolvedById: actor.userId } });
    await clearExternalAlarm({
      db: tx,
      origin: "labs",
      actor,
      context,
      now,
      input: { stayId: refusal.stayId, ruleId: LAB_REFUSAL_RULE, subjectKey: refusalId, resolution: "cleared" },
    });
    await recordAuditEvent({
      db: tx,
      action: "lab-refusal.resolved",
      actor,
      context,
      now,
      unitId: refusal.unitId,
      target: { type: "lab-refusal", id: refusalId },
      details: { parameter: refusal.parameter, field: refusal.field, value: refusal.value },
    });
  });
  announceCommit(db);
  return { resolvedAt: now.getTime(), resolvedBy: actor.username ?? actor.userId };
}
