import type { TSourceRef } from "@/lib/catalogue";

/**
 * The references behind alarm rules that neither the catalogue's targets (lib/catalogue/sources.ts) nor the scores
 * (lib/scores/sources.ts) already name. A rule that rests on a catalogue target cites that target's source instead.
 */
export const ALARM_SOURCES = {
  iec60601: {
    id: "iec60601-1-8",
    citation: "IEC 60601-1-8:2006+A1+A2: a distributed alarm system shows a technical alarm when communication fails",
  },
} as const satisfies Record<string, TSourceRef>;
