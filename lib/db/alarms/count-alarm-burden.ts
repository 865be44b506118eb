import type { TAlarmBurden } from "@/lib/alarms/alarm-history";
import { ALARM_PRIORITIES, type TAlarmPriority } from "@/lib/alarms/rule-schema";
import { previousShift, shiftAt, type TShift } from "@/lib/shifts";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";

/**
 * How many alarms each bed raised in the current shift and the one before, by priority: the burden a team carried,
 * which shows a bed that cries wolf (many alarms, all acknowledged as artefacts) as well as a bed that is unwell.
 * Shifts are the unit's own (lib/shifts; 07:00/19:00 unless configured), the same as its handover sheets'.
 */
export async function countAlarmBurden({
  db,
  unitId,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  now?: Date;
}): Promise<TAlarmBurden> {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      timeZone: true,
      beds: { select: { id: true, label: true, position: true }, orderBy: { position: "asc" } },
    },
  });
  if (!unit) throw new AppError("NOT_FOUND", `no unit "${unitId}"`, undefined, refusal("unitNotFound"));
  const shifts = await getUnitShiftPattern({ db, unitId });
  const shift = async ({ name, startTime, startsAt, endsAt }: TShift) => {
    const window = { name, startTime, start: startsAt, end: endsAt };
    const groups = await db.alarm.groupBy({
      by: ["bedId", "priority"],
      where: { unitId, raisedAt: { gte: new Date(window.start), lt: new Date(window.end) } },
      _count: { _all: true },
    });
    const beds = unit.beds.map((bed) => {
      const counts = zero();
      for (const g of groups) if (g.bedId === bed.id) counts[g.priority] += g._count._all;
      return { bedId: bed.id, label: bed.label, counts, total: sum(counts) };
    });
    const counts = zero();
    for (const bed of beds) for (const p of ALARM_PRIORITIES) counts[p] += bed.counts[p];
    return { ...window, beds, counts, total: sum(counts) };
  };
  const current = shiftAt(now.getTime(), shifts);
  return {
    unitId,
    timeZone: unit.timeZone,
    current: await shift(current),
    previous: await shift(previousShift(current, shifts)),
  };
}

function zero(): Record<TAlarmPriority, number> {
  return { high: 0, medium: 0, low: 0, technical: 0 };
}

function sum(counts: Record<TAlarmPriority, number>): number {
  return ALARM_PRIORITIES.reduce((acc, p) => acc + counts[p], 0);
}
