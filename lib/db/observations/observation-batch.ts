import type { TLabResult } from "@/lib/observations/lab-result";
import type { TValidReading } from "@/lib/observations/validate-reading";

/**
 * A batch of validated readings packed for a worker thread: the few distinct (episode, bed, unit), (parameter, unit)
 * and source strings once each, each reading's numbers in one Float64Array (moved, not copied) and its source reference
 * in an array. A structured clone of an array of reading objects costs more per reading than the insert it feeds.
 */
export interface TObservationBatch {
  readonly episodes: readonly (readonly [episodeId: string, bedId: string, unitId: string])[];
  readonly parameters: readonly (readonly [parameter: string, unit: string])[];
  readonly sources: readonly string[];
  /** Per reading: episode index, parameter index, source index, value, observedAt (ms). */
  readonly numbers: Float64Array;
  readonly sourceRefs: readonly string[];
  /** Laboratory results' status, comparator and identity, by reading index; absent when the batch holds none. */
  readonly labs?: Readonly<Record<number, TLabResult>>;
}

export const NUMBERS_PER_READING = 5;

/** One reading of a batch, as the insert binds it. */
export interface TBatchRow {
  episodeId: string;
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
  const episodes: [string, string, string][] = [];
  const parameters: [string, string][] = [];
  const sources: string[] = [];
  const episodeIndex = new Map<string, number>();
  const parameterIndex = new Map<string, Map<string, number>>();
  const sourceIndex = new Map<string, number>();
  const numbers = new Float64Array(readings.length * NUMBERS_PER_READING);
  const sourceRefs: string[] = new Array<string>(readings.length);
  let labs: Record<number, TLabResult> | undefined;
  readings.forEach((r, i) => {
    let e = episodeIndex.get(r.episodeId);
    if (e === undefined) episodeIndex.set(r.episodeId, (e = episodes.push([r.episodeId, r.bedId, r.unitId]) - 1));
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
  return { episodes, parameters, sources, numbers, sourceRefs, ...(labs ? { labs } : {}) };
}

export function batchSize(batch: TObservationBatch): number {
  return batch.sourceRefs.length;
}

/** Reads reading `i` of a batch into `row` (one object reused for the whole batch). */
export function readBatchRow(batch: TObservationBatch, i: number, row: TBatchRow): TBatchRow {
  const at = i * NUMBERS_PER_READING;
  const episode = batch.episodes[batch.numbers[at] as number];
  const parameter = batch.parameters[batch.numbers[at + 1] as number];
  const source = batch.sources[batch.numbers[at + 2] as number];
  if (!episode || !parameter || source === undefined)
    throw new RangeError(`reading ${i} of the batch points outside its tables`);
  row.episodeId = episode[0];
  row.bedId = episode[1];
  row.unitId = episode[2];
  row.parameter = parameter[0];
  row.unit = parameter[1];
  row.source = source;
  row.value = batch.numbers[at + 3] as number;
  row.observedAt = batch.numbers[at + 4] as number;
  row.sourceRef = batch.sourceRefs[i] as string;
  row.lab = batch.labs?.[i];
  return row;
}
