import type { Db } from "../client";

/**
 * The patient's weight on file for a stay, kg: the patient's record (as before stays judged alarms), else the weight
 * given at admission; undefined when none was recorded (per-kg rules then say nothing).
 */
export async function findStayWeight({ db, stayId }: { db: Db; stayId: string }): Promise<number | undefined> {
  const stay = await db.stay.findUnique({
    where: { id: stayId },
    select: { weightKg: true, patient: { select: { weightKg: true } } },
  });
  return stay?.patient.weightKg ?? stay?.weightKg ?? undefined;
}
