import type { TTimedValue } from "./types";

/** ΔP/flow this far above the patient's own baseline suggests oxygenator thrombosis (Lubnow 2014: 30–50 %). */
export const DP_FLOW_RISE_FLAG_PCT = 30;
export const DP_FLOW_BASELINE_WINDOW_MS = 24 * 3_600_000;

export interface TDpFlowBaseline {
  /** Mean ΔP (mmHg) and mean flow (L/min) over the window. */
  readonly dp: number;
  readonly flow: number;
  /** Window start (the first ΔP or flow reading of the episode) and end. */
  readonly from: number;
  readonly to: number;
  /** False while the episode has recorded less than the whole window: the baseline is still forming. */
  readonly complete: boolean;
}

/** mmHg per L/min; null when flow is not positive (no meaningful resistance). */
export function dpPerFlow(dp: number, flow: number): number | null {
  return flow > 0 ? dp / flow : null;
}

/**
 * The patient's own baseline: mean ΔP over mean flow across the first 24 h of recorded readings (a ratio of means,
 * so that a moment of low flow does not blow the ratio up). The station computes the same means in SQL
 * (lib/db/beds/get-bed-detail.ts); this is their definition. Null without both readings.
 */
export function dpFlowBaseline(
  dp: readonly TTimedValue[],
  flow: readonly TTimedValue[],
  windowMs = DP_FLOW_BASELINE_WINDOW_MS,
): TDpFlowBaseline | null {
  if (dp.length === 0 || flow.length === 0) return null;
  const from = Math.min(...dp.map((s) => s.t), ...flow.map((s) => s.t));
  const to = from + windowMs;
  const mean = (samples: readonly TTimedValue[]) => {
    const inside = samples.filter((s) => s.t >= from && s.t < to);
    return inside.length === 0 ? null : inside.reduce((sum, s) => sum + s.v, 0) / inside.length;
  };
  const dpMean = mean(dp);
  const flowMean = mean(flow);
  if (dpMean === null || flowMean === null) return null;
  const latest = Math.max(...dp.map((s) => s.t), ...flow.map((s) => s.t));
  return { dp: dpMean, flow: flowMean, from, to, complete: latest >= to };
}

export interface TDpFlowComparison {
  readonly baseline: number;
  readonly current: number;
  /** Change of the current ratio from the baseline, % of the baseline. */
  readonly changePct: number;
  readonly flagged: boolean;
}

export function compareDpPerFlow(
  baseline: { readonly dp: number; readonly flow: number },
  current: { readonly dp: number; readonly flow: number },
): TDpFlowComparison | null {
  const base = dpPerFlow(baseline.dp, baseline.flow);
  const now = dpPerFlow(current.dp, current.flow);
  if (base === null || now === null || base <= 0) return null;
  const changePct = ((now - base) / base) * 100;
  return { baseline: base, current: now, changePct, flagged: changePct >= DP_FLOW_RISE_FLAG_PCT };
}
