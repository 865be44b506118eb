import type { TBedHandoverEntry } from "@/lib/handover";
import { shiftsBetween } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";

/**
 * The shifts of a bed's past days, newest first, each with the state of its sheet: the physician's morning review
 * (which sheets exist, which were never signed) and the choice of two shifts to compare. Only the shifts during
 * which the bed had a patient, with or without support running.
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
  const [arrivals, sheets] = await Promise.all([
    db.bedAssignment.findMany({
      where: {
        toBedId: bedId,
        at: { lt: new Date(now) },
        stay: { OR: [{ dischargedAt: null }, { dischargedAt: { gt: new Date(from) } }] },
      },
      select: {
        id: true,
        at: true,
        stay: { select: { dischargedAt: true, assignments: { select: { id: true, at: true } } } },
      },
    }),
    db.handoverSheet.findMany({
      where: { bedId, shiftEnd: { gt: new Date(from) } },
      include: { _count: { select: { amendments: true } } },
    }),
  ]);
  // Each stay's time in this bed, support or none (issue 15): from its arrival to its next move or its discharge.
  const stays = arrivals.map((a) => {
    const next = a.stay.assignments
      .filter((m) => m.at > a.at || (m.at.getTime() === a.at.getTime() && m.id > a.id))
      .reduce<number | null>((min, m) => (min === null || m.at.getTime() < min ? m.at.getTime() : min), null);
    const ends = [next, a.stay.dischargedAt?.getTime() ?? null].filter((t): t is number => t !== null);
    return { start: a.at.getTime(), end: ends.length ? Math.min(...ends) : Infinity };
  });
  const occupied = (start: number, end: number) => stays.some((s) => s.start < end && s.end > start);
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
