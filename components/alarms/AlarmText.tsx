"use client";

import { useLocale, useMessages, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import { describeAlarm, type TAlarmTextInput } from "@/lib/alarms/prepare-alarms";
import { isLocale } from "@/lib/i18n/locales";

/** The keys of `alarms.message` this catalogue has: an alarm from a newer version falls back to its rule id. */
function useKnownMessageKeys(): ReadonlySet<string> {
  const messages = useMessages() as { alarms?: { message?: Record<string, unknown> } };
  return useMemo(() => new Set(Object.keys(messages.alarms?.message ?? {})), [messages]);
}

/**
 * An alarm's message with its value and limit: "Arterial lactate 4.6 ≥ 4 mmol/L". The station's lists and the
 * handover sheet both word alarms with it, so that an alarm reads the same wherever it is shown.
 */
export function useAlarmText(): (alarm: TAlarmTextInput & Partial<TAlarmDto>, now?: number | null) => string {
  const t = useTranslations("alarms.message");
  const locale = useLocale();
  const known = useKnownMessageKeys();
  return (alarm, now) => {
    const { key, values } = describeAlarm(alarm, isLocale(locale) ? locale : "en", known, now ?? undefined);
    return t(key as "unknown", values);
  };
}

/** The limit in force as the message prints it, with its unit: "4 mmol/L", "12 h". */
export function useAlarmLimit(): (alarm: TAlarmDto) => string {
  const locale = useLocale();
  const known = useKnownMessageKeys();
  return (alarm) => {
    const { values } = describeAlarm(alarm, isLocale(locale) ? locale : "en", known);
    return `${values.limit ?? ""} ${values.unit ?? ""}`.trim();
  };
}

export function AlarmText({ alarm }: { readonly alarm: TAlarmDto }) {
  const text = useAlarmText();
  return <span className="alarm-text">{text(alarm)}</span>;
}
