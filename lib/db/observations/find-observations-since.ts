import type { TComparator, TResultStatus } from "@/lib/observations/lab-result";
import { labFields, type TObservationDto } from "@/lib/observations/observation";
import type { TObservationSource } from "@/lib/observations/reading";
import type { Db } from "../client";
import { sqlFor } from "../dialect";

export type TReplayScope = { unitId: string } | { bedId: string };

interface Row {
  seq: number | bigint;
  stayId: string;
  episodeId: string | null;
  bedId: string;
  parameter: string;
  value: number;
  /** Milliseconds on SQLite, a Date on PostgreSQL: Number() of either is the instant's milliseconds. */
  observedAt: number | bigint | Date;
  source: string;
  resultStatus?: TResultStatus | null;
  comparator?: TComparator | null;
  supersedesSeq?: number | bigint | null;
}

/** Readings committed after `sinceSeq` for a unit or a bed, in commit order: what a reconnecting screen missed. */
export async function findObservationsSince({
  db,
  scope,
  sinceSeq,
  limit,
}: {
  db: Db;
  scope: TReplayScope;
  sinceSeq: number;
  limit: number;
}): Promise<TObservationDto[]> {
  const [column, id] = "unitId" in scope ? ["unitId", scope.unitId] : ["bedId", scope.bedId];
  const rows = await db.$queryRawUnsafe<Row[]>(
    sqlFor(
      db,
      `SELECT "seq","stayId","episodeId","bedId","parameter","value","observedAt","source","resultStatus","comparator","supersedesSeq"
         FROM "Observation" WHERE "${column}" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`,
    ),
    id,
    sinceSeq,
    limit,
  );
  return rows.map(toObservationDto);
}

export function toObservationDto(row: Row): TObservationDto {
  return {
    seq: Number(row.seq),
    stayId: row.stayId,
    episodeId: row.episodeId,
    bedId: row.bedId,
    parameter: row.parameter,
    value: row.value,
    observedAt: Number(row.observedAt),
    source: row.source as TObservationSource,
    ...labFields({
      status: row.resultStatus,
      comparator: row.comparator,
      replaces: row.supersedesSeq === null || row.supersedesSeq === undefined ? null : Number(row.supersedesSeq),
    }),
  };
}
