import { findParameter } from "@/lib/catalogue";
import type { TObservationDto } from "@/lib/observations/observation";
import { TREND_LOOKBACK_MS, type TLatestValue, type TStationBed, type TStationSnapshot } from "./snapshot";

/**
 * The station as a screen holds it: the server's snapshot kept current by live readings, plus a short trail of
 * earlier device readings per bed and parameter so that the trend reference ("the value about five minutes ago")
 * can move forward without asking the server. It is still a TStationSnapshot, so readers need not know the trail.
 */
export type TLiveStation = TStationSnapshot & { readonly trails: TTrails };

/** What merging reads of a reading: the screen depends on no more of the wire format than this. */
export type TMergeableObservation = Pick<
  TObservationDto,
  "seq" | "stayId" | "episodeId" | "bedId" | "parameter" | "value" | "observedAt"
> &
  Partial<Pick<TObservationDto, "status" | "comparator" | "replaces">>;

export interface TTrailPoint {
  readonly seq: number;
  readonly value: number;
  readonly observedAt: number;
}

/** bedId → parameter code → points in ascending observedAt. Only device parameters have a trail. */
export type TTrails = Readonly<Record<string, Readonly<Record<string, readonly TTrailPoint[]>>>>;

/**
 * Trail points closer together than this are not kept: the trend reference needs to be about five minutes old,
 * not exact to the second. With points at least this far apart and nothing kept older than the current reference,
 * a trail holds at most TREND_LOOKBACK_MS / TRAIL_SPACING_MS + 2 points (77), whatever the device's rate.
 */
export const TRAIL_SPACING_MS = 4_000;

/** Seeds the trails from the snapshot: each device value's latest reading and its reference. */
export function toLiveStation(snapshot: TStationSnapshot): TLiveStation {
  const trails: Record<string, Record<string, TTrailPoint[]>> = {};
  for (const bed of snapshot.beds) {
    const byParameter: Record<string, TTrailPoint[]> = {};
    for (const [code, latest] of Object.entries(bed.latest)) {
      if (!isDeviceParameter(code)) continue;
      const points: TTrailPoint[] = [];
      // The server's reference has no sequence number of its own; 0 never collides with a stored one (seq ≥ 1).
      if (latest.reference)
        points.push({ seq: 0, value: latest.reference.value, observedAt: latest.reference.observedAt });
      points.push({ seq: latest.seq, value: latest.value, observedAt: latest.observedAt });
      byParameter[code] = points;
    }
    trails[bed.bedId] = byParameter;
  }
  return { ...snapshot, trails };
}

/**
 * Applies readings to the station without mutating it; applying the same readings twice, or in another order,
 * gives the same latest values. Per bed and parameter the reading with the greatest observedAt wins (equal times:
 * the greater seq), so a lab sample imported late never hides a newer one. A reading for a bed the station does
 * not show, or for another stay than the bed's open one (a previous patient's late lab), is not shown, but
 * still counts in lastSeq so that a replay does not ask for it again.
 */
export function mergeObservations(station: TLiveStation, observations: readonly TMergeableObservation[]): TLiveStation {
  if (observations.length === 0) return station;
  let lastSeq = station.lastSeq;
  const bedIndex = new Map(station.beds.map((bed, index) => [bed.bedId, index]));
  let beds: TStationBed[] | null = null;
  let trails: Record<string, Readonly<Record<string, readonly TTrailPoint[]>>> | null = null;

  for (const observation of observations) {
    lastSeq = Math.max(lastSeq, observation.seq);
    const index = bedIndex.get(observation.bedId);
    if (index === undefined) continue;
    const bed = (beds ?? station.beds)[index];
    if (!bed || bed.stay?.id !== observation.stayId) continue;
    // A cancellation is no value; the station reads its snapshot again (station-sync) to find what is current.
    if (observation.status === "cancelled") continue;

    const current = bed.latest[observation.parameter];
    let next: TLatestValue | undefined;
    if (isDeviceParameter(observation.parameter)) {
      const bedTrails = (trails ?? station.trails)[bed.bedId] ?? {};
      const previous = bedTrails[observation.parameter] ?? [];
      const trail = insertTrailPoint(previous, observation);
      next = applyDeviceReading(current, observation, trail);
      const pruned = next ? pruneTrail(trail, next.observedAt) : trail;
      if (pruned !== previous) {
        trails ??= { ...station.trails };
        trails[bed.bedId] = { ...bedTrails, [observation.parameter]: pruned };
      }
    } else {
      next = applySample(current, observation);
    }
    if (next === current || next === undefined) continue;
    beds ??= [...station.beds];
    beds[index] = { ...bed, latest: { ...bed.latest, [observation.parameter]: next } };
  }

  if (beds === null && trails === null && lastSeq === station.lastSeq) return station;
  return { ...station, lastSeq, beds: beds ?? station.beds, trails: trails ?? station.trails };
}

function isDeviceParameter(code: string): boolean {
  return findParameter(code)?.sourceKind === "device";
}

/** True when `a` is the newer reading: later observedAt, or the same time and a later seq (a correction). */
function isNewer(a: { observedAt: number; seq: number }, b: { observedAt: number; seq: number }): boolean {
  return a.observedAt > b.observedAt || (a.observedAt === b.observedAt && a.seq > b.seq);
}

/** Labs and nursing data: the reference is the previous sample, wherever the late one falls in time. */
function applySample(current: TLatestValue | undefined, observation: TMergeableObservation): TLatestValue | undefined {
  const reading = {
    seq: observation.seq,
    value: observation.value,
    observedAt: observation.observedAt,
    ...(observation.status && observation.status !== "final" ? { status: observation.status } : {}),
    ...(observation.comparator ? { comparator: observation.comparator } : {}),
  };
  if (!current) return { ...reading, reference: null };
  if (observation.seq === current.seq) return current;
  if (isNewer(reading, current)) {
    // The same sample time with a later seq is a corrected result: the previous sample stays the reference.
    const reference =
      reading.observedAt === current.observedAt
        ? current.reference
        : { value: current.value, observedAt: current.observedAt };
    return { ...reading, reference };
  }
  // An older sample that arrives late can still be the one just before the latest.
  const reference = current.reference;
  if (reading.observedAt < current.observedAt && (reference === null || reading.observedAt > reference.observedAt)) {
    return { ...current, reference: { value: reading.value, observedAt: reading.observedAt } };
  }
  return current;
}

/** Device data: the reference is the newest trail point at least TREND_LOOKBACK_MS older than the latest. */
function applyDeviceReading(
  current: TLatestValue | undefined,
  observation: TMergeableObservation,
  trail: readonly TTrailPoint[],
): TLatestValue | undefined {
  const reading = { seq: observation.seq, value: observation.value, observedAt: observation.observedAt };
  const latest = !current || isNewer(reading, current) ? reading : current;
  // Until the trail holds a point old enough, keep the reference the server chose with more history at hand.
  const found = referenceFor(trail, latest.observedAt);
  const reference = found ? { value: found.value, observedAt: found.observedAt } : (current?.reference ?? null);
  if (
    current &&
    latest === current &&
    reference?.observedAt === current.reference?.observedAt &&
    reference?.value === current.reference?.value
  ) {
    return current;
  }
  return { seq: latest.seq, value: latest.value, observedAt: latest.observedAt, reference };
}

function referenceFor(trail: readonly TTrailPoint[], latestObservedAt: number): TTrailPoint | undefined {
  const cutoff = latestObservedAt - TREND_LOOKBACK_MS;
  let found: TTrailPoint | undefined;
  for (const point of trail) {
    if (point.observedAt > cutoff) break;
    found = point;
  }
  return found;
}

/** Inserts in time order, unless a point already lies within TRAIL_SPACING_MS (which also drops duplicates). */
function insertTrailPoint(trail: readonly TTrailPoint[], observation: TMergeableObservation): readonly TTrailPoint[] {
  let at = trail.length;
  while (at > 0 && (trail[at - 1]?.observedAt ?? -Infinity) > observation.observedAt) at -= 1;
  const before = trail[at - 1];
  const after = trail[at];
  if (before && observation.observedAt - before.observedAt < TRAIL_SPACING_MS) return trail;
  if (after && after.observedAt - observation.observedAt < TRAIL_SPACING_MS) return trail;
  const point = { seq: observation.seq, value: observation.value, observedAt: observation.observedAt };
  return [...trail.slice(0, at), point, ...trail.slice(at)];
}

/** Drops points older than the newest one that can serve as a reference: the latest only moves forward. */
function pruneTrail(trail: readonly TTrailPoint[], latestObservedAt: number): readonly TTrailPoint[] {
  const cutoff = latestObservedAt - TREND_LOOKBACK_MS;
  let keepFrom = 0;
  for (let i = 0; i < trail.length; i += 1) {
    if ((trail[i]?.observedAt ?? Infinity) <= cutoff) keepFrom = i;
    else break;
  }
  return keepFrom === 0 ? trail : trail.slice(keepFrom);
}
