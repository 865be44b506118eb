import { ZMoveStay, type TMoveStay } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { refuseFuture } from "./refuse-future";

/**
 * Moves an open stay to another free bed of its unit, in the caller's transaction: the stay's bed, its running
 * episodes' bed, its open alarms' bed (so that the station lists them under the bed the patient is in), a
 * BedAssignment row, the audit event and a DocumentChange for each of the two beds. The handover goes with the patient:
 * the stay's draft sheets and open actions, support or none, move to the new bed (a signed sheet is a record of the
 * bed it was written at, and stays; so does a draft should the new bed already hold a sheet of that shift, a previous
 * patient's, which the bed's one sheet per shift leaves no room beside). Readings stored before the move keep the bed
 * they were taken in. Refused: a discharged stay, an unknown bed or one of another unit, an occupied bed
 * (with its label), a time before the admission. `action` names what the audit trail records: a move, or an ADT
 * feed's cancelled transfer (the move back).
 */
export async function moveStayInTransaction({
  tx,
  input,
  actor,
  context,
  now = new Date(),
  action = "stay.moved",
}: {
  tx: Prisma.TransactionClient;
  input: TMoveStay;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
  action?: "stay.moved" | "stay.transfer-cancelled";
}): Promise<{ fromBedId: string; toBedId: string }> {
  const { stayId, toBedId, movedAt } = ZMoveStay.parse(input);
  const at = refuseFuture(movedAt, now, "movedAt");
  const stay = await tx.stay.findUnique({ where: { id: stayId } });
  if (!stay) throw new AppError("NOT_FOUND", `No stay "${stayId}".`, undefined, refusal("stayNotFound"));
  if (stay.dischargedAt)
    throw new AppError(
      "CONFLICT",
      "This stay is discharged and archived: it cannot move.",
      undefined,
      refusal("stayDischargedNoMove"),
    );
  if (at < stay.admittedAt)
    throw new AppError(
      "INVALID_INPUT",
      "movedAt: the move is before the admission.",
      { field: "movedAt" },
      refusal("moveBeforeAdmission", { admittedAt: stay.admittedAt }),
    );
  const to = await tx.bed.findUnique({
    where: { id: toBedId },
    select: { id: true, label: true, unitId: true, stays: { where: { dischargedAt: null }, select: { id: true } } },
  });
  if (!to || to.unitId !== stay.unitId)
    throw new AppError("NOT_FOUND", `No bed "${toBedId}" in this unit.`, { field: "toBedId" }, refusal("bedNotInUnit"));
  if (to.id === stay.bedId)
    throw new AppError(
      "CONFLICT",
      `The patient is already in bed ${to.label}.`,
      { field: "toBedId" },
      refusal("patientAlreadyInBed", { bed: to.label }),
    );
  if (to.stays.length > 0)
    throw new AppError(
      "CONFLICT",
      `Bed ${to.label} is occupied: choose a free bed.`,
      { field: "toBedId" },
      refusal("bedOccupiedMove", { bed: to.label }),
    );
  const fromBedId = stay.bedId;
  await tx.stay.update({ where: { id: stayId }, data: { bedId: to.id, openBedKey: to.id } });
  await tx.supportEpisode.updateMany({ where: { stayId, endedAt: null }, data: { bedId: to.id } });
  // Every open alarm of the stay, with or without support (a lactate alarm of a patient without support moves too).
  await tx.alarm.updateMany({
    where: { stayId, status: { not: "resolved" } },
    data: { bedId: to.id },
  });
  // …and its laboratory results that could not be read, which the new bed shows and resolves.
  await tx.labRefusal.updateMany({ where: { stayId, resolvedAt: null }, data: { bedId: to.id } });
  // …and its protocol plans (limb checks after removal, weaning), which the new bed's panel and tile show. Each is
  // announced in both beds' rooms (below): the panels and tiles listen to protocol changes, not to stay changes.
  const plans = await tx.protocolTimer.findMany({ where: { episode: { stayId } }, select: { id: true } });
  await tx.protocolTimer.updateMany({ where: { episode: { stayId } }, data: { bedId: to.id } });
  // The stay's draft sheets and open actions, support or none (a sheet belongs to the stay: issue 15).
  const drafts = await tx.handoverSheet.findMany({
    where: { stayId, bedId: fromBedId, status: "draft" },
    select: { id: true, shiftKey: true },
  });
  if (drafts.length > 0) {
    const taken = await tx.handoverSheet.findMany({
      where: { bedId: to.id, shiftKey: { in: drafts.map((d) => d.shiftKey) } },
      select: { shiftKey: true },
    });
    const takenKeys = new Set(taken.map((t) => t.shiftKey));
    const moving = drafts.filter((d) => !takenKeys.has(d.shiftKey)).map((d) => d.id);
    if (moving.length > 0) await tx.handoverSheet.updateMany({ where: { id: { in: moving } }, data: { bedId: to.id } });
  }
  await tx.handoverAction.updateMany({
    where: { stayId, doneAt: null },
    data: { bedId: to.id },
  });
  await tx.bedAssignment.create({
    data: { stayId, fromBedId, toBedId: to.id, at, byId: actor?.userId ?? null },
  });
  await recordAuditEvent({
    db: tx,
    action,
    actor,
    context,
    target: { type: "stay", id: stayId },
    unitId: stay.unitId,
    details: { fromBedId, toBedId: to.id, movedAt: at.toISOString() },
    now,
  });
  for (const bedId of [fromBedId, to.id]) {
    await recordDocumentChange({ db: tx, change: { type: "stay:changed", unitId: stay.unitId, bedId, stayId }, now });
    for (const plan of plans)
      await recordDocumentChange({
        db: tx,
        change: { type: "protocol:changed", unitId: stay.unitId, bedId, timerId: plan.id },
        now,
      });
  }
  return { fromBedId, toBedId: to.id };
}

/** moveStayInTransaction in a transaction of its own, then the change feed woken. */
export async function moveStay(
  args: Omit<Parameters<typeof moveStayInTransaction>[0], "tx"> & { db: Db },
): Promise<{ fromBedId: string; toBedId: string }> {
  const { db, ...rest } = args;
  const result = await db.$transaction((tx) => moveStayInTransaction({ ...rest, tx }));
  announceCommit(db);
  return result;
}
