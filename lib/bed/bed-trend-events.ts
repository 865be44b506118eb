import { z } from "zod";
import { ZAlarmDto } from "@/lib/alarms/alarm-dto";
import { ZEpochMs } from "./series";

/**
 * `GET /api/beds/:bedId/trend-events?from&to`: what the team and the alarm system did on the bed's active episode
 * within a window, marked on its trends. from/to default to the episode's start and now.
 */
export const ZBedTrendEventsQuery = z
  .object({ from: ZEpochMs.optional(), to: ZEpochMs.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: "from must be before to",
    path: ["from"],
  });
export type TBedTrendEventsQuery = z.infer<typeof ZBedTrendEventsQuery>;

/** A signed round as a marker shows it: when, by whom, how many answers were abnormal at signature. */
export const ZTrendRound = z.object({
  id: z.string(),
  signedAt: z.number(),
  signedBy: z.string(),
  abnormalCount: z.number().int().nonnegative(),
});

/** At most this many alarms and this many rounds in one answer; `truncated` says when the window held more. */
export const MAX_TREND_EVENTS = 500;

export const ZBedTrendEvents = z.object({
  /** Alarms raised within [from, to], oldest first, as the station receives them (priority, message, ended, ACKNOWLEDGED). */
  alarms: z.array(ZAlarmDto),
  /** Rounds signed within [from, to], oldest first. */
  rounds: z.array(ZTrendRound),
  from: z.number(),
  to: z.number(),
  truncated: z.boolean(),
});
export type TBedTrendEvents = z.infer<typeof ZBedTrendEvents>;

export function bedTrendEventsUrl(bedId: string, { from, to }: { from: number; to?: number }): string {
  const params = new URLSearchParams({ from: String(Math.floor(from)) });
  if (to !== undefined) params.set("to", String(Math.ceil(to)));
  return `/api/beds/${encodeURIComponent(bedId)}/trend-events?${params.toString()}`;
}
