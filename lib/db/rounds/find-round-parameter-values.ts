import type { TRoundParameterValue } from "@/lib/rounds/round-dtos";
import { ZObservationSource } from "@/lib/observations/reading";
import type { Db } from "../client";

/** Sources a person types: their values are not what a device or an interface measured. */
const TYPED_SOURCES = new Set(["round", "manual"]);

/**
 * The newest reading of each parameter a round's numbers feed, whoever recorded it (the device, an interface, a
 * previous round), and the open alarm about it that a measured (not typed) reading raised. The round form shows
 * the newest value beside the item, not the last round's answer, and warns when a typed value is about to be
 * judged against a device's alarm.
 */
export async function findRoundParameterValues({
  db,
  stayId,
  episodeId,
  parameters,
}: {
  db: Db;
  /** The newest readings are the stay's (through its index); the alarms the running episode's. */
  stayId: string;
  episodeId: string;
  parameters: readonly string[];
}): Promise<Record<string, TRoundParameterValue>> {
  const codes = [...new Set(parameters)];
  if (codes.length === 0) return {};
  const [newest, alarms] = await Promise.all([
    Promise.all(
      codes.map((parameter) =>
        db.observation.findFirst({
          where: { stayId, parameter },
          orderBy: [{ observedAt: "desc" }, { seq: "desc" }],
          select: { parameter: true, value: true, unit: true, source: true, observedAt: true },
        }),
      ),
    ),
    db.alarm.findMany({
      where: { episodeId, parameter: { in: codes }, origin: "engine", resolvedAt: null, conditionActive: true },
      select: { parameter: true, value: true, valueUnit: true, raisedBySeq: true },
    }),
  ]);
  const raisers = await db.observation.findMany({
    where: { seq: { in: alarms.flatMap((a) => (a.raisedBySeq === null ? [] : [a.raisedBySeq])) } },
    select: { seq: true, source: true },
  });
  const sourceOf = new Map(raisers.map((r) => [r.seq, r.source]));
  const values: Record<string, TRoundParameterValue> = {};
  for (const row of newest) {
    if (!row) continue;
    const alarm = alarms.find((a) => {
      const source = a.parameter === row.parameter && a.raisedBySeq !== null ? sourceOf.get(a.raisedBySeq) : undefined;
      return source !== undefined && !TYPED_SOURCES.has(source);
    });
    values[row.parameter] = {
      value: row.value,
      unit: row.unit,
      source: ZObservationSource.parse(row.source),
      at: row.observedAt.getTime(),
      measuredAlarm: alarm?.value != null && alarm.valueUnit ? { value: alarm.value, unit: alarm.valueUnit } : null,
    };
  }
  return values;
}
