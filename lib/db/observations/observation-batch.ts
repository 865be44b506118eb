import type { TLabResult } from "@/lib/observations/lab-result";
import type { TValidReading } from "@/lib/observations/validate-reading";

/**
 * A batch of validated readings packed for a worker thread: the few distinct (stay, episode, bed, unit), (parameter, unit)
 * and source strings once each, each reading's numbers in one Float64Array (moved, not copied) and its source reference
 * in an array. A structured clone of an array of reading objects costs more per reading than the insert it feeds.
 */
export interface TObservationBatch {
  /** Where each reading belongs: its stay, the episode running then (null: none), its bed and unit. */
  readonly places: readonly (readonly [stayId: string, episodeId: string | null, bedId: string, unitId: string])[];
  readonly parameters: readonly (readonly [parameter: string, unit: string])[];
  readonly sources: readonly string[];
  /** Per reading: place index, parameter index, source index, value, observedAt (ms). */
  readonly numbers: Float64Array;
  readonly sourceRefs: readonly string[];
  /** Laboratory results' status, comparator and identity, by reading index; absent when the batch holds none. */
  readonly labs?: Readonly<Record<number, TLabResult>>;
}

export const NUMBERS_PER_READING = 5;

/** One reading of a batch, as the insert binds it. */
export interface TBatchRow {
  stayId: string;
  episodeId: string | null;
  bedId: string;
  unitId: string;
  parameter: string;
  unit: string;
  source: string;
  value: number;
  observedAt: number;
  sourceRef: string;
  lab: TLabResult | undefined;
}

export function packObservationBatch(readings: readonly TValidReading[]): TObservationBatch {
  const places: [string, string | null, string, string][] = [];
  const parameters: [string, string][] = [];
  const sources: string[] = [];
  const placeIndex = new Map<string, number>();
  const parameterIndex = new Map<string, Map<string, number>>();
  const sourceIndex = new Map<string, number>();
  const numbers = new Float64Array(readings.length * NUMBERS_PER_READING);
  const sourceRefs: string[] = new Array<string>(readings.length);
  let labs: Record<number, TLabResult> | undefined;
  readings.forEach((r, i) => {
    // An episode belongs to one stay: its id alone is the key; a stay-only reading is keyed by its stay.
    const placeKey = r.episodeId ?? `stay\u0000${r.stayId}`;
    let e = placeIndex.get(placeKey);
    if (e === undefined) placeIndex.set(placeKey, (e = places.push([r.stayId, r.episodeId, r.bedId, r.unitId]) - 1));
    // Keyed by parameter then unit, so that no key string is built per reading.
    let units = parameterIndex.get(r.parameter);
    if (!units) parameterIndex.set(r.parameter, (units = new Map<string, number>()));
    let p = units.get(r.unit);
    if (p === undefined) units.set(r.unit, (p = parameters.push([r.parameter, r.unit]) - 1));
    let s = sourceIndex.get(r.source);
    if (s === undefined) sourceIndex.set(r.source, (s = sources.push(r.source) - 1));
    const at = i * NUMBERS_PER_READING;
    numbers[at] = e;
    numbers[at + 1] = p;
    numbers[at + 2] = s;
    numbers[at + 3] = r.value;
    numbers[at + 4] = r.observedAt.getTime();
    sourceRefs[i] = r.sourceRef;
    if (r.lab) (labs ??= {})[i] = r.lab;
  });
  return { places, parameters, sources, numbers, sourceRefs, ...(labs ? { labs } : {}) };
}

export function batchSize(batch: TObservationBatch): number {
  return batch.sourceRefs.length;
}

/** Reads reading `i` of a batch into `row` (one object reused for the whole batch). */
export function readBatchRow(batch: TObservationBatch, i: number, row: TBatchRow): TBatchRow {
  const at = i * NUMBERS_PER_READING;
  const place = batch.places[batch.numbers[at] as number];
  const parameter = batch.parameters[batch.numbers[at + 1] as number];
  const source = batch.sources[batch.numbers[at + 2] as number];
  if (!place || !parameter || source === undefined)
    throw new RangeError(`reading ${i} of the batch points outside its tables`);
  row.stayId = place[0];
  row.episodeId = place[1];
  row.bedId = place[2];
  row.unitId = place[3];
  row.parameter = parameter[0];
  row.unit = parameter[1];
  row.source = source;
  row.value = batch.numbers[at + 3] as number;
  row.observedAt = batch.numbers[at + 4] as number;
  row.sourceRef = batch.sourceRefs[i] as string;
  row.lab = batch.labs?.[i];
  return row;
}
