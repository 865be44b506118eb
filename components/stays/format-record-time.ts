import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** A time of an archived record, in the unit's zone, with its year: archived stays span years. */
export function formatRecordTime(epochMs: number, timeZone: string): string {
  return format(new TZDate(epochMs, timeZone), "dd/MM/yyyy HH:mm");
}

/** A date of birth as stored (YYYY-MM-DD), written day first as the station writes dates. */
export function formatBirthDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return year && month && day ? `${day}/${month}/${year}` : isoDate;
}
