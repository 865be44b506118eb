import type { THandoverAction } from "@/lib/handover";
import type { Db } from "../client";

/**
 * The action list of a shift: every action of the stay written before the end of the period and not done before
 * the shift began. An open action thus appears on every sheet until someone marks it done (it carries over).
 */
export async function listSheetActions({
  db,
  stayId,
  startsAt,
  coversUntil,
}: {
  db: Db;
  stayId: string;
  startsAt: number;
  coversUntil: number;
}): Promise<THandoverAction[]> {
  const rows = await db.handoverAction.findMany({
    where: {
      stayId,
      createdAt: { lt: new Date(coversUntil) },
      OR: [{ doneAt: null }, { doneAt: { gte: new Date(startsAt) } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const ids = [...new Set(rows.flatMap((r) => [r.createdById, r.doneById]).filter((id): id is string => Boolean(id)))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const person = (id: string) => ({ id, name: users.get(id) ?? id });
  return rows.map((r) => {
    // Done after the period covered (a past shift read later): it was still open at that shift's end.
    const doneInPeriod = r.doneAt !== null && r.doneAt.getTime() < coversUntil;
    return {
      id: r.id,
      text: r.text,
      createdAt: r.createdAt.getTime(),
      createdBy: person(r.createdById),
      doneAt: doneInPeriod ? (r.doneAt?.getTime() ?? null) : null,
      doneBy: doneInPeriod && r.doneById ? person(r.doneById) : null,
      carriedOver: r.createdAt.getTime() < startsAt,
    };
  });
}
