import type { TLabRefusalDto } from "@/lib/bed/bed-detail";
import type { Db } from "../client";

/**
 * A stay's laboratory results that could not be read and that no one has dealt with yet, oldest first, whatever
 * support ran when they came.
 */
export async function listOpenLabRefusals({ db, stayId }: { db: Db; stayId: string }): Promise<TLabRefusalDto[]> {
  const rows = await db.labRefusal.findMany({
    where: { stayId, resolvedAt: null },
    orderBy: { receivedAt: "asc" },
    select: { id: true, parameter: true, observedAt: true, receivedAt: true, kind: true, value: true },
  });
  return rows.map((r) => ({
    id: r.id,
    parameter: r.parameter,
    at: (r.observedAt ?? r.receivedAt).getTime(),
    kind: r.kind === "unit" ? "unit" : "value",
    value: r.value,
  }));
}
