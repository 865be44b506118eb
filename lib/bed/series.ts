import { z } from "zod";
import { ZParameterCode } from "@/lib/catalogue";
import { MAX_WIDTH } from "@/lib/charts/downsample-min-max";

/** Epoch milliseconds in a query string: digits only, so that "2025-01-06" or "1e12" is refused rather than guessed. */
export const ZEpochMs = z
  .string()
  .regex(/^\d{1,15}$/, "must be epoch milliseconds (digits only)")
  .transform(Number);

/**
 * `GET /api/beds/:bedId/series?parameter&from&to&width`. from/to default to the active episode's start and now, and
 * are clamped to the episode: a chart never shows another patient's readings.
 */
export const ZSeriesQuery = z
  .object({
    parameter: ZParameterCode,
    from: ZEpochMs.optional(),
    to: ZEpochMs.optional(),
    width: z
      .string()
      .regex(/^\d{1,5}$/, "must be a whole number of pixels")
      .transform(Number)
      .pipe(z.number().int().min(10, "must be at least 10").max(MAX_WIDTH, `must be at most ${MAX_WIDTH}`)),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: "from must be before to",
    path: ["from"],
  });
export type TSeriesQuery = z.infer<typeof ZSeriesQuery>;

export const ZSeriesPoint = z.object({ t: z.number(), v: z.number().nullable() });

/** One parameter of one bed's active episode, downsampled for `width` pixel columns; `v: null` is a gap. */
export const ZParameterSeries = z.object({
  bedId: z.string(),
  /** Null for a stay with no support running: its readings carry no episode either (issue 15). */
  episodeId: z.string().nullable(),
  parameter: ZParameterCode,
  /** The range answered, epoch ms, after clamping to the episode (both ends included). */
  from: z.number(),
  to: z.number(),
  width: z.number().int(),
  bucketMs: z.number().int().positive(),
  /** Readings further apart than this are drawn with a break between them. */
  maxGapMs: z.number().positive(),
  /** Every reading committed up to this sequence number is in the points; live readings continue from here. */
  lastSeq: z.number().int().nonnegative(),
  points: z.array(ZSeriesPoint),
});
export type TParameterSeries = z.infer<typeof ZParameterSeries>;

/** At most this many parameters in one trends request: every chart of the richest device type. */
export const MAX_TREND_PARAMETERS = 24;

/**
 * `GET /api/beds/:bedId/trends?parameters=a,b&from&to&width`: the series of several parameters over one window in
 * one answer, so that a bed's dozen charts cost one request (one episode lookup, one lastSeq) rather than a dozen
 * that the browser would queue six at a time.
 */
export const ZTrendsQuery = z
  .object({
    parameters: z
      .string()
      .transform((list) => [
        ...new Set(
          list
            .split(",")
            .map((p) => p.trim())
            .filter((p) => p !== ""),
        ),
      ])
      .pipe(z.array(ZParameterCode).min(1, "name at least one parameter").max(MAX_TREND_PARAMETERS)),
    from: ZEpochMs.optional(),
    to: ZEpochMs.optional(),
    width: ZSeriesQuery.shape.width,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: "from must be before to",
    path: ["from"],
  });
export type TTrendsQuery = z.infer<typeof ZTrendsQuery>;

export const ZBedTrends = z.object({ series: z.array(ZParameterSeries) });
export type TBedTrends = z.infer<typeof ZBedTrends>;

/**
 * The address of a trends request. Built in one place: the server's render preloads the default window by this very
 * address, and the browser reuses that response only if the client asks for exactly the same one.
 */
export function trendsUrl(
  bedId: string,
  { parameters, from, to, width }: { parameters: readonly string[]; from: number; to?: number; width: number },
): string {
  const params = new URLSearchParams({
    parameters: parameters.join(","),
    width: String(width),
    from: String(Math.floor(from)),
  });
  if (to !== undefined) params.set("to", String(Math.ceil(to)));
  return `/api/beds/${encodeURIComponent(bedId)}/trends?${params.toString()}`;
}
