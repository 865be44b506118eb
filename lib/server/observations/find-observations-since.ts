import type { TObservationDto } from "@/lib/observations/observation";
import type { TObservationSource } from "@/lib/observations/reading";
import type { Db } from "../db/client";

export type TReplayScope = { unitId: string } | { bedId: string };

interface Row {
  seq: number | bigint;
  episodeId: string;
  bedId: string;
  unitId: string;
  parameter: string;
  value: number;
  unit: string;
  observedAt: number | bigint;
  receivedAt: number | bigint;
  source: string;
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
    `SELECT "seq","episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source"
       FROM "Observation" WHERE "${column}" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`,
    id,
    sinceSeq,
    limit,
  );
  return rows.map(toObservationDto);
}

export function toObservationDto(row: Row): TObservationDto {
  return {
    seq: Number(row.seq),
    episodeId: row.episodeId,
    bedId: row.bedId,
    unitId: row.unitId,
    parameter: row.parameter,
    value: row.value,
    unit: row.unit,
    observedAt: Number(row.observedAt),
    receivedAt: Number(row.receivedAt),
    source: row.source as TObservationSource,
  };
}
