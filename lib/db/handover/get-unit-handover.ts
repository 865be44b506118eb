import { HANDOVER_STATUSES, type THandoverStatus, type TUnitHandover } from "@/lib/handover";
import { initialsOf } from "@/lib/patients/age-in-years";
import { nextShift, previousShift, shiftAt, shiftByKey } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";

/**
 * The unit handover page (the charge nurse's view): every bed of the unit with the state of its sheet for a shift
 * (the running one by default): not started, drafted, signed out, received. An empty bed shows as such.
 */
export async function getUnitHandover({
  db,
  unitId,
  shiftKey,
  now = Date.now(),
}: {
  db: Db;
  unitId: string;
  shiftKey?: string;
  now?: number;
}): Promise<TUnitHandover> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, timeZone: true } });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
  const context = await getUnitShiftPattern({ db, unitId });
  const shift = shiftKey ? shiftByKey(shiftKey, context) : shiftAt(now, context);
  if (!shift)
    throw new AppError(
      "NOT_FOUND",
      `No shift "${shiftKey}" in this unit's shift pattern.`,
      undefined,
      refusal("shiftNotFound"),
    );
  if (shift.startsAt > now)
    throw new AppError(
      "INVALID_INPUT",
      `The shift ${shift.label} has not begun yet.`,
      undefined,
      refusal("shiftNotBegun", { shift: shift.label }),
    );
  const [beds, sheets, openActions] = await Promise.all([
    db.bed.findMany({
      where: { unitId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        label: true,
        episodes: {
          where: {
            startedAt: { lt: new Date(shift.endsAt) },
            OR: [{ endedAt: null }, { endedAt: { gt: new Date(shift.startsAt) } }],
          },
          orderBy: { startedAt: "desc" },
          take: 1,
          select: { id: true, deviceType: true, patient: { select: { givenName: true, familyName: true } } },
        },
      },
    }),
    db.handoverSheet.findMany({ where: { unitId, shiftKey: shift.key } }),
    db.handoverAction.groupBy({
      by: ["bedId"],
      where: {
        unitId,
        createdAt: { lt: new Date(Math.min(now, shift.endsAt)) },
        OR: [{ doneAt: null }, { doneAt: { gte: new Date(Math.min(now, shift.endsAt)) } }],
      },
      _count: { _all: true },
    }),
  ]);
  const userIds = [
    ...new Set(sheets.flatMap((s) => [s.signedOutById, s.receivedById]).filter((id): id is string => Boolean(id))),
  ];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const counts = Object.fromEntries(HANDOVER_STATUSES.map((s) => [s, 0])) as Record<THandoverStatus, number>;
  const rows = beds.map((bed) => {
    const episode = bed.episodes[0] ?? null;
    const sheet = sheets.find((s) => s.bedId === bed.id);
    const status: THandoverStatus = sheet?.status ?? "not_started";
    if (episode) counts[status] += 1;
    return {
      bedId: bed.id,
      label: bed.label,
      patientInitials: episode ? initialsOf(episode.patient.givenName, episode.patient.familyName) : null,
      deviceType: episode?.deviceType ?? null,
      status,
      illnessSeverity: sheet?.illnessSeverity ?? null,
      signedOut:
        sheet?.signedOutAt && sheet.signedOutById
          ? { at: sheet.signedOutAt.getTime(), by: names.get(sheet.signedOutById) ?? sheet.signedOutById }
          : null,
      received:
        sheet?.receivedAt && sheet.receivedById
          ? { at: sheet.receivedAt.getTime(), by: names.get(sheet.receivedById) ?? sheet.receivedById }
          : null,
      lastSavedAt: sheet ? sheet.updatedAt.getTime() : null,
      openActions: openActions.find((a) => a.bedId === bed.id)?._count._all ?? 0,
    };
  });
  const next = nextShift(shift, context);
  return {
    serverTime: now,
    unit,
    shift: {
      key: shift.key,
      name: shift.name,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      startTime: shift.startTime,
      endTime: shift.endTime,
    },
    previousShiftKey: previousShift(shift, context).key,
    nextShiftKey: next.startsAt <= now ? next.key : null,
    beds: rows,
    counts,
  };
}
