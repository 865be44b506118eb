import { z } from "zod";
import { ZComparator, ZResultStatus } from "./lab-result";
import type { TObservationDto } from "./observation";
import { OBSERVATION_SOURCES } from "./reading";

/**
 * The readings of one `observation:recorded` message, as columns. The busiest message of the station (a unit's
 * readings each second, to every screen following it) carried each reading as an object repeating its bed, stay,
 * episode and field names: about 170 bytes a reading, 130 KB a second for 64 beds × 12 parameters, decoded by every
 * screen. As columns, with each place and parameter named once and seq and time as differences, it is about a tenth
 * of that: a wall screen or a tablet decodes it in a fraction of the time, and a server's CPU is not spent writing
 * the same names to 200 sockets. Replay answers keep the object form (a page at a time, rarely).
 *
 * Column i of every array is reading i, in commit order (ascending seq).
 */
/**
 * A column of numbers, checked in one pass: zod's per-element schemas cost 30 µs a column of 768 readings, a third of
 * a screen's whole decoding of the message, for the same check.
 */
const column = (what: string, accepts: (x: unknown) => boolean) =>
  z.custom<number[]>((v) => Array.isArray(v) && v.every(accepts), { message: `${what}: a column of ${what} expected` });
const integers = (what: string, min: number) =>
  column(what, (x) => typeof x === "number" && Number.isSafeInteger(x) && x >= min);
const numbers = (what: string) => column(what, (x) => typeof x === "number" && Number.isFinite(x));

export const ZPackedObservations = z.object({
  /** Each distinct [bedId, stayId, episodeId] once; `place` points into it. */
  places: z.array(z.tuple([z.string(), z.string(), z.string().nullable()])),
  /** Each distinct parameter code once; `parameter` points into it. */
  parameters: z.array(z.string()),
  /** The first reading's seq, then each reading's difference from the one before (seqs ascend: ≥ 1). */
  seq: integers("seq", Number.MIN_SAFE_INTEGER),
  place: integers("place", 0),
  parameter: integers("parameter", 0),
  value: numbers("value"),
  /** The first reading's time (epoch ms), then each one's difference from the one before (any sign). */
  observedAt: integers("observedAt", Number.MIN_SAFE_INTEGER),
  /** Index into OBSERVATION_SOURCES. */
  source: integers("source", 0),
  /** A laboratory result's extras, only for the readings that have them (`at`: the reading's index). */
  lab: z
    .array(
      z.object({
        at: z.number().int().nonnegative(),
        status: ZResultStatus.optional(),
        comparator: ZComparator.optional(),
        replaces: z.number().int().positive().optional(),
      }),
    )
    .optional(),
});
export type TPackedObservations = z.infer<typeof ZPackedObservations>;

export function packObservations(observations: readonly TObservationDto[]): TPackedObservations {
  const places: TPackedObservations["places"] = [];
  const placeIndex = new Map<string, number>();
  const parameters: string[] = [];
  const parameterIndex = new Map<string, number>();
  const packed: TPackedObservations = {
    places,
    parameters,
    seq: [],
    place: [],
    parameter: [],
    value: [],
    observedAt: [],
    source: [],
  };
  const lab: NonNullable<TPackedObservations["lab"]> = [];
  let lastSeq = 0;
  let lastAt = 0;
  observations.forEach((o, i) => {
    const placeKey = `${o.bedId}\u0000${o.stayId}\u0000${o.episodeId ?? ""}`;
    let place = placeIndex.get(placeKey);
    if (place === undefined) {
      place = places.push([o.bedId, o.stayId, o.episodeId]) - 1;
      placeIndex.set(placeKey, place);
    }
    let parameter = parameterIndex.get(o.parameter);
    if (parameter === undefined) {
      parameter = parameters.push(o.parameter) - 1;
      parameterIndex.set(o.parameter, parameter);
    }
    packed.seq.push(o.seq - lastSeq);
    packed.place.push(place);
    packed.parameter.push(parameter);
    packed.value.push(o.value);
    packed.observedAt.push(o.observedAt - lastAt);
    packed.source.push(OBSERVATION_SOURCES.indexOf(o.source));
    lastSeq = o.seq;
    lastAt = o.observedAt;
    if (o.status !== undefined || o.comparator !== undefined || o.replaces !== undefined)
      lab.push({
        at: i,
        ...(o.status === undefined ? {} : { status: o.status }),
        ...(o.comparator === undefined ? {} : { comparator: o.comparator }),
        ...(o.replaces === undefined ? {} : { replaces: o.replaces }),
      });
  });
  if (lab.length > 0) packed.lab = lab;
  return packed;
}

/**
 * The readings of a packed message, or why they cannot be read (columns of different lengths, an index pointing
 * nowhere, seqs that do not ascend). A screen that cannot read a message replays from the database rather than
 * show part of it.
 */
export function unpackObservations(
  payload: unknown,
): { ok: true; observations: TObservationDto[] } | { ok: false; reason: string } {
  const parsed = ZPackedObservations.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "not a packed message" };
  const p = parsed.data;
  const n = p.seq.length;
  for (const column of ["place", "parameter", "value", "observedAt", "source"] as const)
    if (p[column].length !== n)
      return { ok: false, reason: `column ${column} has ${p[column].length} of ${n} readings` };
  const labAt = new Map((p.lab ?? []).map((l) => [l.at, l]));
  const observations: TObservationDto[] = [];
  let seq = 0;
  let observedAt = 0;
  for (let i = 0; i < n; i++) {
    const step = p.seq[i] ?? 0;
    if (step < 1) return { ok: false, reason: `seq does not ascend at reading ${i}` };
    seq += step;
    observedAt += p.observedAt[i] ?? 0;
    const place = p.places[p.place[i] ?? -1];
    const parameter = p.parameters[p.parameter[i] ?? -1];
    const source = OBSERVATION_SOURCES[p.source[i] ?? -1];
    if (!place || parameter === undefined || source === undefined)
      return { ok: false, reason: `reading ${i} points to no place, parameter or source` };
    const extras = labAt.get(i);
    observations.push({
      seq,
      stayId: place[1],
      episodeId: place[2],
      bedId: place[0],
      parameter,
      value: p.value[i] ?? Number.NaN,
      observedAt,
      source,
      ...(extras?.status === undefined ? {} : { status: extras.status }),
      ...(extras?.comparator === undefined ? {} : { comparator: extras.comparator }),
      ...(extras?.replaces === undefined ? {} : { replaces: extras.replaces }),
    });
  }
  return { ok: true, observations };
}
