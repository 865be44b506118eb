import { findParameter } from "@/lib/catalogue";
import type { TComparator, TResultStatus } from "@/lib/observations/lab-result";
import type { TLatestValue } from "@/lib/station/snapshot";
import type { TBedDetail, TLabSample, TValueRun } from "./bed-detail";

export interface TBedReading {
  readonly seq: number;
  /**
   * Null for a stay-only value (no support running at its time): merged into a stay's detail with no support running;
   * with support running it is older than the episode, not merged.
   */
  readonly episodeId: string | null;
  readonly bedId: string;
  readonly parameter: string;
  readonly value: number;
  readonly observedAt: number;
  readonly status?: TResultStatus;
  readonly comparator?: TComparator;
}

export function isLabParameter(code: string): boolean {
  return findParameter(code)?.sourceKind === "lab";
}

const RUN_KEYS = { iabp_pumping: "pumping", iabp_ratio: "ratio" } as const;

/**
 * Live readings applied to the bed's detail, idempotently (a reading received twice, by replay and live, counts
 * once): latest values, every lab sample, and the runs of the balloon's state and ratio. `newEpisode` says that a
 * reading belongs to an episode the detail does not know but was taken after it began (a new patient is in the
 * bed, or support started), and the detail must be read again.
 */
export function mergeBedDetail(
  detail: TBedDetail,
  readings: readonly TBedReading[],
): { detail: TBedDetail; newEpisode: boolean } {
  let lastSeq = detail.lastSeq;
  let latest: Record<string, TLatestValue> | null = null;
  let labs: Record<string, TLabSample[]> | null = null;
  let runs: { pumping: TValueRun | null; ratio: TValueRun | null } | null = null;
  let newEpisode = false;

  for (const reading of readings) {
    lastSeq = Math.max(lastSeq, reading.seq);
    if (reading.bedId !== detail.bed.id) continue;
    // The detail's scope: its episode's readings, or with no support running the stay's own (no episode: issue 15).
    const inScope = detail.episode
      ? reading.episodeId === detail.episode.id
      : detail.stay != null && reading.episodeId === null;
    if (!inScope) {
      newEpisode ||= detail.episode === null || reading.observedAt >= detail.episode.startedAt;
      continue;
    }
    // A cancellation is no value: the caller reads the detail again to learn what is current (bed-sync).
    if (reading.status === "cancelled") continue;
    const current = (latest ?? detail.latest)[reading.parameter];
    const lab = isLabParameter(reading.parameter);
    const labFields = {
      ...(reading.status && reading.status !== "final" ? { status: reading.status } : {}),
      ...(reading.comparator ? { comparator: reading.comparator } : {}),
    };
    const newer =
      !current ||
      reading.observedAt > current.observedAt ||
      (reading.observedAt === current.observedAt && reading.seq > current.seq);
    if (newer && reading.seq !== current?.seq) {
      const reference =
        lab && current ? { value: current.value, observedAt: current.observedAt } : (current?.reference ?? null);
      latest ??= { ...detail.latest };
      latest[reading.parameter] = {
        seq: reading.seq,
        value: reading.value,
        observedAt: reading.observedAt,
        reference,
        ...labFields,
      };
    }
    if (lab) {
      const samples = (labs ?? detail.labs)[reading.parameter] ?? [];
      if (!samples.some((s) => s.seq === reading.seq)) {
        const sample = { seq: reading.seq, value: reading.value, observedAt: reading.observedAt, ...labFields };
        const at = samples.findIndex((s) => s.observedAt > sample.observedAt);
        labs ??= { ...detail.labs };
        labs[reading.parameter] =
          at === -1 ? [...samples, sample] : [...samples.slice(0, at), sample, ...samples.slice(at)];
      }
    }
    const runKey = RUN_KEYS[reading.parameter as keyof typeof RUN_KEYS] as "pumping" | "ratio" | undefined;
    if (runKey && newer) {
      const run = (runs ?? detail.runs)[runKey];
      if (run?.value !== reading.value) {
        runs ??= { ...detail.runs };
        runs[runKey] = { value: reading.value, since: reading.observedAt };
      }
    }
  }

  if (latest === null && labs === null && runs === null && lastSeq === detail.lastSeq) return { detail, newEpisode };
  return {
    detail: {
      ...detail,
      lastSeq,
      latest: latest ?? detail.latest,
      labs: labs ?? detail.labs,
      runs: runs ?? detail.runs,
    },
    newEpisode,
  };
}
