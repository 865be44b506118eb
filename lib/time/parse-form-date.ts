import { isValid, parse } from "date-fns";
import type { TLocale } from "@/lib/i18n/locales";

/**
 * How a date is typed in a form, in the page's language: day first in both (as the screens print dates,
 * lib/bed/format-date-time.ts), never the browser's own order. A native date input shows the browser's locale
 * (month first on an English-US Chromium under a French page), so the station's date fields are text fields read
 * with these patterns (issue 17).
 */
export const FORM_DATE_PATTERNS: Readonly<Record<TLocale, { readonly date: string; readonly dateTime: string }>> = {
  en: { date: "dd/MM/yyyy", dateTime: "dd/MM/yyyy HH:mm" },
  fr: { date: "dd/MM/yyyy", dateTime: "dd/MM/yyyy HH:mm" },
};

/** ISO forms are read too: a date pasted from an export or typed by habit is not refused. */
const ISO_PATTERNS = {
  date: ["yyyy-MM-dd"],
  dateTime: ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"],
};

/** A wall-clock date and time with no zone: the caller says in which zone it is read. */
export interface TFormDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** Only an ISO time with seconds has any: a person types to the minute. */
  readonly second: number;
}

export interface TParseFormDateOptions {
  readonly text: string;
  readonly locale: TLocale;
  /** "date": a day (a birth date); "dateTime": a day and a time to the minute (a filter's bound). */
  readonly kind: "date" | "dateTime";
}

/**
 * A typed date as its parts, or null when it is not one (31/02, 25:00, words): a form says so rather than guess.
 * Leading and trailing spaces are ignored; an empty field is the caller's to treat.
 */
export function parseFormDate({ text, locale, kind }: TParseFormDateOptions): TFormDate | null {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return null;
  // A fixed reference: parse fills nothing from it, since every pattern names each field it needs.
  const reference = new Date(2000, 0, 1, 0, 0, 0, 0);
  for (const pattern of [FORM_DATE_PATTERNS[locale][kind], ...ISO_PATTERNS[kind]]) {
    const date = parse(trimmed, pattern, reference);
    if (!isValid(date)) continue;
    return {
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      hour: date.getHours(),
      minute: date.getMinutes(),
      second: date.getSeconds(),
    };
  }
  return null;
}

/** "2026-11-23" for a date typed "23/11/2026": the form a server's zod schema reads (a calendar day, no zone). */
export function formDateToIsoDay(date: TFormDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
