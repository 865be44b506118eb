import { nextShift, previousShift, shiftAt, shiftByKey, type TShift } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";

/**
 * A bed, its unit, the shift asked for (by key, or the one running now), the episode the bed held during that shift
 * and the sheet if one was started: where every handover operation on one bed begins. A sheet keeps the episode it
 * was written for; otherwise the newest episode overlapping the shift is the one handed over.
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
  const episode = await db.supportEpisode.findFirst({
    where: sheet
      ? { id: sheet.episodeId }
      : {
          bedId,
          startedAt: { lt: new Date(shift.endsAt) },
          OR: [{ endedAt: null }, { endedAt: { gt: new Date(shift.startsAt) } }],
        },
    orderBy: { startedAt: "desc" },
    select: { id: true, startedAt: true, endedAt: true, deviceType: true },
  });
  const next = nextShift(shift, context);
  return {
    bed: { id: bed.id, label: bed.label, unitId: bed.unitId, unitName: bed.unit.name, timeZone: bed.unit.timeZone },
    context,
    shift,
    previousShiftKey: previousShift(shift, context).key,
    nextShiftKey: next.startsAt <= now ? next.key : null,
    episode,
    sheet,
  };
}

export type TResolvedBedShift = Awaited<ReturnType<typeof resolveBedShift>>;
