import type { Db } from "../client";
import { getDb } from "../get-db";

/** The units of this station, for the home page. */
export async function listUnits({ db }: { db?: Db } = {}): Promise<{ id: string; name: string; bedCount: number }[]> {
  const client = db ?? (await getDb());
  const units = await client.unit.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { beds: true } } },
  });
  return units.map((u) => ({ id: u.id, name: u.name, bedCount: u._count.beds }));
}
