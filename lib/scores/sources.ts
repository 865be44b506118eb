import { SOURCES, type TSourceRef } from "@/lib/catalogue";

/** The references behind each derived value and score (docs/clinical-reference.md §4), shown beside the result. */
export const SCORE_SOURCES = {
  save: { id: "schmidt2015", citation: "SAVE score: Schmidt, Eur Heart J 2015;36:2246" },
  fourTs: { id: "lo2006", citation: "4Ts: Lo, J Thromb Haemost 2006;4:759" },
  scai: SOURCES.scai2019,
  rosendaal: {
    id: "rosendaal1993",
    citation: "Time in therapeutic range by linear interpolation: Rosendaal, Thromb Haemost 1993;69:236",
  },
  lactateClearance: {
    id: "clinicalRef-lactate",
    citation: "Lactate clearance (L0 − Lt) / L0 × 100, local protocol",
  },
  dpFlow: SOURCES.lubnow2014,
  hit: {
    id: "clinicalRef-hit",
    citation: "Platelet fall > 50 % from the post-heparin peak (4Ts, Lo 2006); > 30 % on days 5–10, local protocol",
  },
} as const satisfies Record<string, TSourceRef>;
