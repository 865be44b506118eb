/**
 * Value-axis ticks on round numbers (1, 2, 2.5 or 5 × a power of ten), computed once in the chart's preparation so
 * that the server's first drawing (TrendSketch) and recharts' axis show the very same ticks: swapping one for the
 * other then moves nothing on the screen.
 */
const STEP_FACTORS = [1, 2, 2.5, 5] as const;

/** Round ticks within [low, high], at most `maxTicks`, never finer than the parameter's displayed decimals. */
export function valueTicks(low: number, high: number, decimals: number, maxTicks = 6): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || high <= low || maxTicks < 1) return [];
  const finest = 10 ** -decimals;
  const count = (step: number) => Math.floor(high / step + 1e-9) - Math.ceil(low / step - 1e-9) + 1;
  const step = roundStep(high - low, finest, maxTicks, count);
  const ticks: number[] = [];
  // Integer multiples of the step, rounded so that 0.1 × 3 prints 0.3, not 0.30000000000000004.
  for (let k = Math.ceil(low / step - 1e-9); k * step <= high + 1e-9 * step; k += 1) {
    ticks.push(Number((k * step).toFixed(Math.max(decimals, 0) + 2)));
  }
  return ticks;
}

/** The finest round step that keeps within maxTicks, starting a decade below the average spacing. */
function roundStep(span: number, finest: number, maxTicks: number, count: (step: number) => number): number {
  for (let power = 10 ** Math.floor(Math.log10(span / maxTicks)); ; power *= 10) {
    for (const factor of STEP_FACTORS) {
      const candidate = factor * power;
      // 2.5 × 10^k needs one more decimal than 10^k: refused where the parameter has none to show it.
      if (candidate < finest || (factor === 2.5 && candidate < finest * 10)) continue;
      if (count(candidate) <= maxTicks) return candidate;
    }
  }
}
