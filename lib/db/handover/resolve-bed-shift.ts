import { nextShift, previousShift, shiftAt, shiftByKey, type TShift } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";
import { findShiftStay, STAY_SELECT } from "./find-shift-stay";

/**
 * A bed, its unit, the shift asked for (by key, or the one running now), the stay that held the bed during that
 * shift with the support running then (null when none ran), and the sheet if one was started: where every handover
 * operation on one bed begins. The stay is what is handed over; the episode only adds what is the device's.
 */
export async function resolveBedShift({
  db,
  bedId,
  shiftKey,
  now,
}: {
  db: Db;
  bedId: string;
  shiftKey?: string;
  now: number;
}) {
  const bed = await db.bed.findUnique({
    where: { id: bedId },
    select: { id: true, label: true, unitId: true, unit: { select: { name: true, timeZone: true } } },
  });
  if (!bed)
    throw new AppError(
      "NOT_FOUND",
      `No bed "${bedId}". Open the bed from its unit's handover page.`,
      undefined,
      refusal("bedNotFound"),
    );
  const context = await getUnitShiftPattern({ db, unitId: bed.unitId });
  const shift: TShift | null = shiftKey ? shiftByKey(shiftKey, context) : shiftAt(now, context);
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
      `The shift ${shift.label} has not begun: there is nothing to hand over yet.`,
      undefined,
      refusal("handoverNothingYet", { shift: shift.label }),
    );
  const sheet = await db.handoverSheet.findUnique({
    where: { bedId_shiftKey: { bedId, shiftKey: shift.key } },
    include: { amendments: { orderBy: [{ amendedAt: "asc" }, { id: "asc" }] } },
  });
  // A sheet keeps the stay it was written for; else the bed's stay over the shift. The support is the newest of the
  // stay's that ran during the shift (none: not yet cannulated, or the balloon removed before), read afresh while the
  // sheet is a draft (a cannulation during the shift adds its settings); a signed sheet keeps the one it was signed with.
  const stay = sheet
    ? await db.stay.findUniqueOrThrow({ where: { id: sheet.stayId }, select: STAY_SELECT })
    : await findShiftStay({ db, bedId, startsAt: shift.startsAt, endsAt: shift.endsAt });
  const episodeWhere = sheet?.signedOutAt
    ? sheet.episodeId && { id: sheet.episodeId }
    : stay && {
        stayId: stay.id,
        startedAt: { lt: new Date(shift.endsAt) },
        OR: [{ endedAt: null }, { endedAt: { gt: new Date(shift.startsAt) } }],
      };
  const episode = episodeWhere
    ? await db.supportEpisode.findFirst({
        where: episodeWhere,
        orderBy: { startedAt: "desc" },
        select: { id: true, startedAt: true, endedAt: true, deviceType: true },
      })
    : null;
  const next = nextShift(shift, context);
  return {
    bed: { id: bed.id, label: bed.label, unitId: bed.unitId, unitName: bed.unit.name, timeZone: bed.unit.timeZone },
    context,
    shift,
    previousShiftKey: previousShift(shift, context).key,
    nextShiftKey: next.startsAt <= now ? next.key : null,
    stay,
    episode,
    sheet,
  };
}

export type TResolvedBedShift = Awaited<ReturnType<typeof resolveBedShift>>;
