/** A calendar day as seen in a time zone. */
export interface TLocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function partsAt(epochMs: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return parts;
}

/** The zone's offset from UTC at an instant, in ms (Paris in winter: +3 600 000). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = partsAt(epochMs, timeZone);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The local calendar day of an instant. */
export function localDayOf(epochMs: number, timeZone: string): TLocalDay {
  const p = partsAt(epochMs, timeZone);
  return { year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1 };
}

/** The day after (month and year roll over through Date.UTC). */
export function nextLocalDay({ year, month, day }: TLocalDay): TLocalDay {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant of a local wall-clock time. Two passes settle the offset, which may differ between the first guess and
 * the answer on a daylight-saving day; the hours used here (05:00) are never skipped or repeated in Europe.
 */
export function zonedTimeToEpoch(day: TLocalDay, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}
