import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** An instant as the unit's wall clock shows it, day and time ("03/12 14:05"), whatever the tablet's own zone. */
export function formatZoned(epochMs: number, timeZone: string): string {
  return format(new TZDate(epochMs, timeZone), "dd/MM HH:mm");
}
