import type { TRoundChoice, TRoundTemplateItem } from "../template";

/* What the built-in checklists (../default-templates.ts) are written with: sections, item shapes, shared items. */

export const PULSE: TRoundChoice[] = [
  { value: "present", labelEn: "Present", labelFr: "Présent", abnormal: false },
  { value: "weak", labelEn: "Weak", labelFr: "Faible", abnormal: true },
  { value: "absent", labelEn: "Absent", labelFr: "Absent", abnormal: true },
];

type TSection = { en: string; fr: string };
export const S = {
  patient: { en: "Patient", fr: "Patient" },
  iabpConsole: { en: "IABP console and helium", fr: "Console du BCPIA et hélium" },
  puncture: { en: "Puncture site", fr: "Point de ponction" },
  legs: { en: "Both legs", fr: "Deux membres inférieurs" },
  renal: { en: "Kidneys and abdomen", fr: "Reins et abdomen" },
  daily: { en: "Daily checks", fr: "Contrôles quotidiens" },
  comfort: { en: "Comfort and positioning", fr: "Confort et installation" },
  review: { en: "Data review", fr: "Revue des données" },
  cannulae: { en: "Cannulae", fr: "Canules" },
  circuit: { en: "ECMO circuit and console", fr: "Circuit et console d'ECMO" },
  neuro: { en: "Neurology and oxygenation", fr: "Neurologie et oxygénation" },
} satisfies Record<string, TSection>;

type TItemBody =
  | { type: "check" | "normal_abnormal" }
  | { type: "number"; unit: string; min: number; max: number; parameter?: string }
  | { type: "choice"; choices: TRoundChoice[] };

export function item(
  itemId: string,
  section: TSection,
  en: string,
  fr: string,
  frequency: TRoundTemplateItem["frequency"],
  body: TItemBody,
): TRoundTemplateItem {
  return { itemId, sectionEn: section.en, sectionFr: section.fr, labelEn: en, labelFr: fr, frequency, ...body };
}
export const check = { type: "check" } as const;
export const normal = { type: "normal_abnormal" } as const;

/** Limb checks asked by both devices (femoral access either way): one item id, so the combined list asks once. */
export const LEGS: TRoundTemplateItem[] = [
  item("leg_left.pulse", S.legs, "Left leg: Doppler pulse", "Membre inférieur gauche : pouls (Doppler)", "hourly", {
    type: "choice",
    choices: PULSE,
  }),
  item(
    "leg_left.perfusion",
    S.legs,
    "Left leg: colour, temperature, capillary refill, sensation and movement",
    "Membre inférieur gauche : coloration, chaleur, temps de recoloration, sensibilité et motricité",
    "hourly",
    normal,
  ),
  item("leg_right.pulse", S.legs, "Right leg: Doppler pulse", "Membre inférieur droit : pouls (Doppler)", "hourly", {
    type: "choice",
    choices: PULSE,
  }),
  item(
    "leg_right.perfusion",
    S.legs,
    "Right leg: colour, temperature, capillary refill, sensation and movement",
    "Membre inférieur droit : coloration, chaleur, temps de recoloration, sensibilité et motricité",
    "hourly",
    normal,
  ),
];
export const URINE = item("urine_output", S.renal, "Urine output (last hour)", "Diurèse (dernière heure)", "hourly", {
  type: "number",
  unit: "mL/h",
  min: 0,
  max: 1000,
  parameter: "urine_output",
});
