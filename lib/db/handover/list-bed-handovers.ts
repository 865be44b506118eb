import type { TBedHandoverEntry } from "@/lib/handover";
import { shiftsBetween } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";

/**
 * The shifts of a bed's past days, newest first, each with the state of its sheet: the physician's morning review
 * (which sheets exist, which were never signed) and the choice of two shifts to compare. Only the shifts during
 * which the bed had a patient.
 */
export async function listBedHandovers({
  db,
  bedId,
  days = 7,
  now = Date.now(),
}: {
  db: Db;
  bedId: string;
  days?: number;
  now?: number;
}): Promise<TBedHandoverEntry[]> {
  const bed = await db.bed.findUnique({ where: { id: bedId }, select: { unitId: true } });
  if (!bed) throw new AppError("NOT_FOUND", `No bed "${bedId}".`, undefined, refusal("bedNotFound"));
  const context = await getUnitShiftPattern({ db, unitId: bed.unitId });
  const from = now - days * 24 * 3_600_000;
  const [episodes, sheets] = await Promise.all([
    db.supportEpisode.findMany({
      where: { bedId, startedAt: { lt: new Date(now) }, OR: [{ endedAt: null }, { endedAt: { gt: new Date(from) } }] },
      select: { startedAt: true, endedAt: true },
    }),
    db.handoverSheet.findMany({
      where: { bedId, shiftEnd: { gt: new Date(from) } },
      include: { _count: { select: { amendments: true } } },
    }),
  ]);
  const occupied = (start: number, end: number) =>
    episodes.some((e) => e.startedAt.getTime() < end && (e.endedAt === null || e.endedAt.getTime() > start));
  return shiftsBetween(from, now, context)
    .filter((s) => occupied(s.startsAt, s.endsAt) || sheets.some((sheet) => sheet.shiftKey === s.key))
    .reverse()
    .map((shift) => {
      const sheet = sheets.find((s) => s.shiftKey === shift.key);
      return {
        shiftKey: shift.key,
        shiftName: shift.name,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
        status: sheet?.status ?? "not_started",
        illnessSeverity: sheet?.illnessSeverity ?? null,
        signedOutAt: sheet?.signedOutAt?.getTime() ?? null,
        receivedAt: sheet?.receivedAt?.getTime() ?? null,
        amendments: sheet?._count.amendments ?? 0,
      };
    });
}
