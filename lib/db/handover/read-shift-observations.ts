import type { TParameterCode } from "@/lib/catalogue";
import type { THandoverData } from "@/lib/handover";
import type { TShiftLabSample } from "@/lib/handover/lab-summary";
import type { TComparator } from "@/lib/observations/lab-result";
import type { TTimedValue } from "@/lib/scores/types";
import { dialectOf, type Db } from "../client";
import { sqlFor, timeParam } from "../dialect";
import { currentResultSql } from "../observations/current-result-sql";

type TRow = { parameter: string; value: number; observedAt: number | bigint | Date };
const toTimed = (r: TRow): TTimedValue => ({ t: Number(r.observedAt), v: r.value });
const marks = (n: number) => Array.from({ length: n }, () => "?").join(",");

/**
 * Every current sample of the given labs of a stay before `until` (none that a correction or a cancellation
 * replaced), per code, with a censored one's comparator and a correction's mark.
 */
export async function readLabSamples(db: Db, stayId: string, codes: readonly TParameterCode[], until: number) {
  const labs: Partial<Record<TParameterCode, TShiftLabSample[]>> = {};
  if (codes.length === 0) return labs;
  const rows = await db.$queryRawUnsafe<(TRow & { comparator: TComparator | null; resultStatus: string | null })[]>(
    sqlFor(
      db,
      `SELECT "parameter","value","observedAt","comparator","resultStatus" FROM "Observation"
        WHERE "stayId" = ? AND "parameter" IN (${marks(codes.length)}) AND "observedAt" < ? AND ${currentResultSql()}
        ORDER BY "observedAt", "seq"`,
    ),
    stayId,
    ...codes,
    timeParam(db, until),
  );
  for (const row of rows)
    (labs[row.parameter as TParameterCode] ??= []).push({
      ...toTimed(row),
      ...(row.comparator ? { comparator: row.comparator } : {}),
      ...(row.resultStatus === "corrected" ? { corrected: true } : {}),
    });
  return labs;
}

/** Per setting: the last reading before the shift and the readings of [from, until), in time order. */
export async function readSettingReadings(
  db: Db,
  stayId: string,
  codes: readonly TParameterCode[],
  from: number,
  until: number,
) {
  const settings: Partial<Record<TParameterCode, { before: TTimedValue | null; during: TTimedValue[] }>> = {};
  for (const code of codes) {
    const [before] = await db.$queryRawUnsafe<TRow[]>(
      sqlFor(
        db,
        `SELECT "parameter","value","observedAt" FROM "Observation" WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" < ?
          ORDER BY "observedAt" DESC, "seq" DESC LIMIT 1`,
      ),
      stayId,
      code,
      timeParam(db, from),
    );
    const during = await db.$queryRawUnsafe<TRow[]>(
      sqlFor(
        db,
        `SELECT "parameter","value","observedAt" FROM "Observation" WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" >= ? AND "observedAt" < ?
          ORDER BY "observedAt", "seq"`,
      ),
      stayId,
      code,
      timeParam(db, from),
      timeParam(db, until),
    );
    settings[code] = { before: before ? toTimed(before) : null, during: during.map(toTimed) };
  }
  return settings;
}

/**
 * First, last, min, max and count of each continuous value over [from, until). SQLite returns the bare columns of
 * the row that holds the MIN/MAX of an aggregate query (documented behaviour), which gives the first and the last
 * reading in one statement each; PostgreSQL has no such rule, and takes each parameter's first row of an ordering
 * (DISTINCT ON) instead.
 */
export async function readTrendSummaries(
  db: Db,
  stayId: string,
  codes: readonly TParameterCode[],
  from: number,
  until: number,
): Promise<THandoverData["trends"]> {
  if (codes.length === 0) return [];
  const where = `WHERE "stayId" = ? AND "parameter" IN (${marks(codes.length)}) AND "observedAt" >= ? AND "observedAt" < ?`;
  const args = [stayId, ...codes, timeParam(db, from), timeParam(db, until)];
  const postgres = dialectOf(db) === "postgres";
  const edge = (direction: "ASC" | "DESC") =>
    postgres
      ? `SELECT DISTINCT ON ("parameter") "parameter","value","observedAt" FROM "Observation" ${where}
          ORDER BY "parameter", "observedAt" ${direction}, "seq" ${direction}`
      : `SELECT "parameter","value", ${direction === "ASC" ? "MIN" : "MAX"}("observedAt") AS "observedAt"
          FROM "Observation" ${where} GROUP BY "parameter"`;
  const [stats, firsts, lasts] = await Promise.all([
    db.$queryRawUnsafe<{ parameter: string; lo: number; hi: number; n: number | bigint }[]>(
      sqlFor(
        db,
        `SELECT "parameter", MIN("value") AS lo, MAX("value") AS hi, COUNT(*) AS n FROM "Observation" ${where} GROUP BY "parameter"`,
      ),
      ...args,
    ),
    db.$queryRawUnsafe<TRow[]>(sqlFor(db, edge("ASC")), ...args),
    db.$queryRawUnsafe<TRow[]>(sqlFor(db, edge("DESC")), ...args),
  ]);
  const point = (rows: TRow[], code: string) => {
    const row = rows.find((r) => r.parameter === code);
    return row ? { value: row.value, observedAt: Number(row.observedAt) } : null;
  };
  return codes.map((code) => {
    const s = stats.find((r) => r.parameter === code);
    return {
      code,
      first: point(firsts, code),
      last: point(lasts, code),
      min: s?.lo ?? null,
      max: s?.hi ?? null,
      count: s ? Number(s.n) : 0,
    };
  });
}

/** Whether any reading of `code` exists for the stay before `until`. */
export async function hasReading(db: Db, stayId: string, code: TParameterCode, until: number): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ one: number }[]>(
    sqlFor(
      db,
      `SELECT 1 AS one FROM "Observation" WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" < ? LIMIT 1`,
    ),
    stayId,
    code,
    timeParam(db, until),
  );
  return rows.length > 0;
}
