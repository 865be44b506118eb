import { parametersFor, ZDeviceType, type TParameter } from "@/lib/catalogue";
import { TREND_LOOKBACK_MS, type TLatestValue, type TStationBed, type TStationSnapshot } from "@/lib/station/snapshot";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { getLastSeq } from "../observations/get-last-seq";

interface LatestRow {
  parameter: string;
  seq: number | bigint;
  value: number;
  observedAt: number | bigint;
}

/**
 * What the central station shows of a unit: every bed, its patient (initials only), its active episode and the
 * latest value of each parameter its device reports, with an earlier value for the trend arrow.
 * `lastSeq` is read before the values, so a screen replaying from it may see a reading twice but never misses one.
 */
export async function getStationSnapshot({ db, unitId, now = new Date() }: { db: Db; unitId: string; now?: Date }): Promise<TStationSnapshot> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, timeZone: true } });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`);
  const lastSeq = await getLastSeq({ db });
  const beds = await db.bed.findMany({
    where: { unitId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      label: true,
      position: true,
      episodes: {
        where: { endedAt: null },
        orderBy: { startedAt: "desc" },
        take: 1,
        include: { patient: { select: { givenName: true, familyName: true, birthDate: true, sex: true } } },
      },
    },
  });

  const stationBeds: TStationBed[] = [];
  for (const bed of beds) {
    const episode = bed.episodes[0];
    if (!episode) {
      stationBeds.push({ bedId: bed.id, label: bed.label, position: bed.position, patient: null, episode: null, latest: {} });
      continue;
    }
    const deviceType = ZDeviceType.parse(episode.deviceType);
    stationBeds.push({
      bedId: bed.id,
      label: bed.label,
      position: bed.position,
      patient: {
        initials: `${episode.patient.givenName.charAt(0)}${episode.patient.familyName.charAt(0)}`.toUpperCase(),
        ageYears: ageInYears(episode.patient.birthDate, now),
        sex: episode.patient.sex,
      },
      episode: {
        id: episode.id,
        deviceType,
        startedAt: episode.startedAt.getTime(),
        cannulationSite: episode.cannulationSite,
        settings: parseSettings(episode.settings),
      },
      latest: await latestValues(db, episode.id, parametersFor(deviceType)),
    });
  }
  return { unit, serverTime: now.getTime(), lastSeq, beds: stationBeds };
}

/** One statement per bed: the newest reading of each parameter, then the reading its trend is compared with. */
async function latestValues(db: Db, episodeId: string, parameters: readonly TParameter[]): Promise<Record<string, TLatestValue>> {
  const pick = (extra: string) =>
    `SELECT * FROM (SELECT "parameter","seq","value","observedAt" FROM "Observation"
       WHERE "episodeId" = ? AND "parameter" = ? ${extra} ORDER BY "observedAt" DESC, "seq" DESC LIMIT 1)`;
  const latestSql = parameters.map(() => pick("")).join(" UNION ALL ");
  const latestRows = await db.$queryRawUnsafe<LatestRow[]>(latestSql, ...parameters.flatMap((p) => [episodeId, p.code]));
  if (latestRows.length === 0) return {};

  const byCode = new Map(parameters.map((p) => [p.code as string, p]));
  const refArgs: unknown[] = [];
  for (const row of latestRows) {
    const parameter = byCode.get(row.parameter);
    // Device data: compare with the value about five minutes earlier; labs: with the previous sample.
    const before = parameter?.sourceKind === "lab" ? Number(row.observedAt) - 1 : Number(row.observedAt) - TREND_LOOKBACK_MS;
    refArgs.push(episodeId, row.parameter, before);
  }
  const refSql = latestRows.map(() => pick(`AND "observedAt" <= ?`)).join(" UNION ALL ");
  const refRows = await db.$queryRawUnsafe<LatestRow[]>(refSql, ...refArgs);
  const refs = new Map(refRows.map((r) => [r.parameter, r]));

  const latest: Record<string, TLatestValue> = {};
  for (const row of latestRows) {
    const ref = refs.get(row.parameter);
    latest[row.parameter] = {
      seq: Number(row.seq),
      value: row.value,
      observedAt: Number(row.observedAt),
      reference: ref ? { value: ref.value, observedAt: Number(ref.observedAt) } : null,
    };
  }
  return latest;
}

function ageInYears(birthDate: Date, now: Date): number {
  let age = now.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birthDate.getUTCMonth() ||
    (now.getUTCMonth() === birthDate.getUTCMonth() && now.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

function parseSettings(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
