import { ZStoredFourTs, type TStoredFourTs } from "@/lib/scores/four-ts-record";
import type { Db } from "../client";

/** How many recorded screens the bed view shows: the latest and the few before it. */
export const FOUR_TS_SHOWN = 5;

interface TFourTsRow {
  id: number;
  recordedAt: Date;
  answers: unknown;
  inputs: unknown;
  sources: unknown;
  total: number;
  probability: string;
  recordedBy: { id: string; displayName: string };
}

/** A stored row as the screens read it; a row that no longer parses is a corrupted record and fails loudly. */
export function toStoredFourTs(row: TFourTsRow): TStoredFourTs {
  return ZStoredFourTs.parse({
    id: row.id,
    recordedAt: row.recordedAt.getTime(),
    recordedBy: { id: row.recordedBy.id, name: row.recordedBy.displayName },
    answers: row.answers,
    inputs: row.inputs,
    sources: row.sources,
    total: row.total,
    probability: row.probability,
  });
}

/** The episode's recorded 4Ts screens, newest first. */
export async function listFourTs({
  db,
  episodeId,
  take = FOUR_TS_SHOWN,
}: {
  db: Db;
  episodeId: string;
  take?: number;
}): Promise<TStoredFourTs[]> {
  const rows = await db.fourTsScreen.findMany({
    where: { episodeId },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take,
    include: { recordedBy: { select: { id: true, displayName: true } } },
  });
  return rows.map(toStoredFourTs);
}
