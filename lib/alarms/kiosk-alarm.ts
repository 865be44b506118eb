import type { TAlarmDto, TAudioPause } from "./alarm-dto";
import type { TAlarmLimits, TOverrideVersion } from "./alarm-limits";

/**
 * What a wall display (a kiosk, read-only, visible to anyone walking by) may see of an alarm: the bed, the parameter,
 * the value, the priority and the IEC state, but no staff name and no free text a clinician typed. Who
 * acknowledged, the acknowledgement's comment and who paused the audio are blanked; a round finding's summary keeps
 * the item and the answer but loses the nurse's comment, which `findingSummary` (lib/rounds) appends after this
 * separator. A label containing the separator itself is cut there too: the kiosk then shows less, never more.
 */
export const FINDING_COMMENT_SEPARATOR = " — ";

export function kioskAlarm(alarm: TAlarmDto): TAlarmDto {
  return {
    ...alarm,
    acknowledgedBy: null,
    acknowledgedComment: null,
    summary: alarm.summary && {
      en: withoutComment(alarm.summary.en),
      fr: withoutComment(alarm.summary.fr),
    },
  };
}

export function kioskAudioPause(pause: TAudioPause): TAudioPause {
  return pause && { ...pause, by: null };
}

function withoutComment(summary: string): string {
  const at = summary.indexOf(FINDING_COMMENT_SEPARATOR);
  return at === -1 ? summary : summary.slice(0, at);
}

/** A limit's reason is free text and its author a name: a wall display sees the value and when it was set. */
export function kioskAlarmLimits(limits: TAlarmLimits): TAlarmLimits {
  const blank = <T extends TOverrideVersion>(v: T): T => ({ ...v, reason: "", by: "" });
  return {
    ...limits,
    rules: limits.rules.map((r) => ({
      ...r,
      unitOverride: r.unitOverride && blank(r.unitOverride),
      episodes: r.episodes.map(blank),
    })),
  };
}
