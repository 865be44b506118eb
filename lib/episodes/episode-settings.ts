import { z } from "zod";

export const IABP_RATIOS = ["1:1", "1:2", "1:3", "1:4"] as const;
export const ZIabpRatio = z.enum(IABP_RATIOS);
export type TIabpRatio = z.infer<typeof ZIabpRatio>;

/**
 * Device settings at the start of a support episode (SupportEpisode.settings, read by parseEpisodeSettings). Every
 * field is optional: an IABP episode has no pump speed, and an older row may predate a field. Ranges are the
 * catalogue's plausible ranges of the matching parameters.
 */
export const ZEpisodeSettings = z.object({
  /** ECMO pump speed, /min. */
  rpm: z.number().int().min(0).max(5000).optional(),
  /** ECMO blood flow, L/min. */
  flow: z.number().min(0).max(10).optional(),
  /** Sweep gas flow, L/min. */
  sweep: z.number().min(0).max(15).optional(),
  /** Fraction of delivered oxygen, %. */
  fdo2: z.number().min(21).max(100).optional(),
  /** IABP assist ratio as the console shows it; the catalogue stores N of 1:N. */
  ratio: ZIabpRatio.optional(),
  trigger: z.enum(["ECG", "pressure", "pacer", "internal"]).optional(),
  /** Unfractionated heparin infusion, IU/h; 0 or absent: no heparin running (the anti-Xa timer's condition). */
  heparinRate: z.number().min(0).max(5000).optional(),
});
export type TEpisodeSettings = z.infer<typeof ZEpisodeSettings>;

/** The catalogue's value of an assist ratio: "1:2" → 2. */
export function ratioToNumber(ratio: TIabpRatio): 1 | 2 | 3 | 4 {
  return Number(ratio.slice(2)) as 1 | 2 | 3 | 4;
}
