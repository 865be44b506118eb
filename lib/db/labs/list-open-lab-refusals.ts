import type { TLabRefusalDto } from "@/lib/bed/bed-detail";
import type { Db } from "../client";

/** An episode's laboratory results that could not be read and that no one has dealt with yet, oldest first. */
export async function listOpenLabRefusals({ db, episodeId }: { db: Db; episodeId: string }): Promise<TLabRefusalDto[]> {
  const rows = await db.labRefusal.findMany({
    where: { episodeId, resolvedAt: null },
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
