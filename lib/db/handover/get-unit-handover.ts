import { HANDOVER_STATUSES, type THandoverStatus, type TUnitHandover } from "@/lib/handover";
import { initialsOf } from "@/lib/patients/age-in-years";
import { nextShift, previousShift, shiftAt, shiftByKey } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";
import { findShiftStay } from "./find-shift-stay";

/**
 * The unit handover page (the charge nurse's view): every bed of the unit with the state of its sheet for a shift
 * (the running one by default): not started, drafted, signed out, received. A bed whose patient has no support
 * running is handed over like any other (issue 15); an empty bed shows as such.
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
    db.bed.findMany({ where: { unitId }, orderBy: { position: "asc" }, select: { id: true, label: true } }),
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
  // Each bed's stay over the shift, support or none (a sheet keeps the stay it was written for), and its support then
  // (a signed sheet's is the one it was signed with), as lib/db/handover/resolve-bed-shift.ts finds them.
  const occupants = await Promise.all(
    beds.map(async (bed) => {
      const sheet = sheets.find((s) => s.bedId === bed.id);
      const found = sheet
        ? { id: sheet.stayId }
        : await findShiftStay({ db, bedId: bed.id, startsAt: shift.startsAt, endsAt: shift.endsAt });
      if (!found) return null;
      return db.stay.findUniqueOrThrow({
        where: { id: found.id },
        select: {
          patient: { select: { givenName: true, familyName: true } },
          episodes: {
            where: sheet?.signedOutAt
              ? { id: sheet.episodeId ?? "" }
              : {
                  startedAt: { lt: new Date(shift.endsAt) },
                  OR: [{ endedAt: null }, { endedAt: { gt: new Date(shift.startsAt) } }],
                },
            orderBy: { startedAt: "desc" },
            take: 1,
            select: { deviceType: true },
          },
        },
      });
    }),
  );
  const counts = Object.fromEntries(HANDOVER_STATUSES.map((s) => [s, 0])) as Record<THandoverStatus, number>;
  const rows = beds.map((bed, i) => {
    const stay = occupants[i] ?? null;
    const sheet = sheets.find((s) => s.bedId === bed.id);
    const status: THandoverStatus = sheet?.status ?? "not_started";
    if (stay) counts[status] += 1;
    return {
      bedId: bed.id,
      label: bed.label,
      patientInitials: stay ? initialsOf(stay.patient.givenName, stay.patient.familyName) : null,
      // Null with a patient: no support ran during the shift (not yet cannulated, or after the balloon's removal).
      deviceType: stay?.episodes[0]?.deviceType ?? null,
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
