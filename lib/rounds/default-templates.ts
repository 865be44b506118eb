import type { TDeviceType } from "@/lib/catalogue";
import type { TRoundChoice, TRoundTemplateInput, TRoundTemplateItem } from "./template";

/**
 * The built-in checklists (version 1 of each device type), from docs/clinical-reference.md §5: the French IABP nursing
 * protocol, completed, and the VA-ECMO start-of-shift and hourly checks. A patient on both devices gets both lists,
 * the checks they share (legs, urine output) asked once. Installed at start-up when a device type has no version
 * yet; an admin changes them by publishing a new version.
 */

const PULSE: TRoundChoice[] = [
  { value: "present", labelEn: "Present", labelFr: "Présent", abnormal: false },
  { value: "weak", labelEn: "Weak", labelFr: "Faible", abnormal: true },
  { value: "absent", labelEn: "Absent", labelFr: "Absent", abnormal: true },
];

type TSection = { en: string; fr: string };
const S = {
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

function item(
  itemId: string,
  section: TSection,
  en: string,
  fr: string,
  frequency: TRoundTemplateItem["frequency"],
  body: TItemBody,
): TRoundTemplateItem {
  return { itemId, sectionEn: section.en, sectionFr: section.fr, labelEn: en, labelFr: fr, frequency, ...body };
}
const check = { type: "check" } as const;
const normal = { type: "normal_abnormal" } as const;

/** Limb checks asked by both devices (femoral access either way): one item id, so the combined list asks once. */
const LEGS: TRoundTemplateItem[] = [
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
const URINE = item("urine_output", S.renal, "Urine output (last hour)", "Diurèse (dernière heure)", "hourly", {
  type: "number",
  unit: "mL/h",
  min: 0,
  max: 1000,
  parameter: "urine_output",
});

const IABP_ITEMS: TRoundTemplateItem[] = [
  item("consciousness", S.patient, "Consciousness", "Conscience", "hourly", normal),
  item(
    "iabp.rhythm_trigger",
    S.patient,
    "Heart rate, rhythm and trigger quality",
    "Fréquence et rythme cardiaques, qualité du déclenchement",
    "hourly",
    normal,
  ),
  item(
    "iabp.pressures",
    S.patient,
    "Systolic, diastolic and mean pressure; augmentation above unassisted systole; BAEDP below unassisted end-diastolic pressure",
    "Pressions systolique, diastolique et moyenne ; augmentation supérieure à la systole non assistée ; BAEDP inférieure à la télédiastolique non assistée",
    "hourly",
    normal,
  ),
  item(
    "iabp.timing",
    S.iabpConsole,
    "Timing: inflation at the dicrotic notch, no early or late deflation",
    "Synchronisation : gonflage à l'incisure dicrote, pas de dégonflage précoce ou tardif",
    "hourly",
    normal,
  ),
  item(
    "iabp.ratio",
    S.iabpConsole,
    "Assist ratio as prescribed",
    "Fréquence d'assistance conforme à la prescription",
    "hourly",
    check,
  ),
  // The charted level is a reading of the console's helium reserve: it joins that series and its alarms.
  item("iabp.helium_level", S.iabpConsole, "Helium cylinder level", "Niveau de la bouteille d'hélium", "hourly", {
    type: "number",
    unit: "%",
    min: 0,
    max: 100,
    parameter: "helium_level",
  }),
  item(
    "iabp.helium_spare",
    S.iabpConsole,
    "Spare helium cylinder at hand",
    "Bouteille d'hélium de rechange disponible",
    "shift",
    check,
  ),
  item(
    "iabp.helium_line",
    S.iabpConsole,
    "Helium line free of blood and condensation, no kink",
    "Ligne d'hélium sans sang ni condensation, non coudée",
    "hourly",
    normal,
  ),
  item(
    "iabp.console_power",
    S.iabpConsole,
    "Console on mains, battery charged, no prolonged stop",
    "Console sur secteur, batterie chargée, pas d'arrêt prolongé",
    "hourly",
    check,
  ),
  item(
    "iabp.puncture_site",
    S.puncture,
    "Puncture site: bleeding, haematoma, infection",
    "Point de ponction : saignement, hématome, infection",
    "hourly",
    normal,
  ),
  ...LEGS,
  item(
    "iabp.radial_left",
    S.legs,
    "Left radial pulse (absent: balloon too high)",
    "Pouls radial gauche (absent : ballon trop haut)",
    "hourly",
    { type: "choice", choices: PULSE },
  ),
  URINE,
  item(
    "iabp.abdomen",
    S.renal,
    "Abdomen: no pain (renal or mesenteric hypoperfusion)",
    "Abdomen : pas de douleur (hypoperfusion rénale ou mésentérique)",
    "hourly",
    normal,
  ),
  item("transit", S.renal, "Transit", "Transit", "shift", normal),
  item(
    "iabp.chest_xray",
    S.daily,
    "Chest X-ray: balloon tip at the 2nd–3rd intercostal space",
    "Radiographie thoracique : extrémité du ballon au 2e–3e espace intercostal",
    "daily",
    normal,
  ),
  item(
    "daily_bloods",
    S.daily,
    "Daily bloods taken (Hb, platelets, anti-Xa, lactate)",
    "Bilan quotidien prélevé (Hb, plaquettes, anti-Xa, lactates)",
    "daily",
    check,
  ),
  item(
    "head_of_bed",
    S.comfort,
    "Head of bed ≤ 30°, pressure areas checked",
    "Tête de lit ≤ 30°, points d'appui vérifiés",
    "shift",
    check,
  ),
  item("analgesia", S.comfort, "Anxiolysis and analgesia adequate", "Anxiolyse et analgésie adaptées", "shift", normal),
];

const ECMO_ITEMS: TRoundTemplateItem[] = [
  item(
    "ecmo.data_review",
    S.review,
    "Data review: problem list, vital trends, infusions incl. heparin, flow and RPM, sweep and FdO2, ventilator, latest anti-Xa, platelets, Hb, fibrinogen, lactate, LDH",
    "Revue des données : problèmes, tendances, perfusions dont héparine, débit et vitesse, balayage et FdO2, ventilateur, derniers anti-Xa, plaquettes, Hb, fibrinogène, lactates, LDH",
    "shift",
    check,
  ),
  item(
    "ecmo.cannula_sites",
    S.cannulae,
    "Cannula sites: bleeding, haematoma, infection, dressing",
    "Points de canulation : saignement, hématome, infection, pansement",
    "hourly",
    normal,
  ),
  item(
    "ecmo.cannulae_secured",
    S.cannulae,
    "Cannulae secured at two points, position unchanged",
    "Canules fixées en deux points, position inchangée",
    "hourly",
    check,
  ),
  item(
    "ecmo.circuit_clots",
    S.circuit,
    "Circuit inspected with a torch: no clots",
    "Circuit inspecté à la lampe : pas de caillot",
    "hourly",
    normal,
  ),
  item(
    "ecmo.oxygenator",
    S.circuit,
    "Oxygenator: no plasma leak",
    "Oxygénateur : pas de fuite plasmatique",
    "hourly",
    normal,
  ),
  item(
    "ecmo.drainage",
    S.circuit,
    "No chattering, drainage pressure within limits",
    "Pas de « chattering », pression de drainage dans les limites",
    "hourly",
    normal,
  ),
  item("ecmo.pressures_recorded", S.circuit, "P1, P2 and ΔP recorded", "P1, P2 et ΔP relevées", "hourly", check),
  item(
    "ecmo.flow_sensor",
    S.circuit,
    "Flow sensor placed and oriented; flow alarm limits set",
    "Capteur de débit en place et orienté ; limites d'alarme de débit réglées",
    "shift",
    check,
  ),
  item(
    "ecmo.power",
    S.circuit,
    "Pump on the emergency-power outlet, battery charged",
    "Pompe sur prise ondulée, batterie chargée",
    "shift",
    check,
  ),
  item(
    "ecmo.gas_heater",
    S.circuit,
    "Gas line connected, heater on",
    "Ligne de gaz branchée, réchauffeur en marche",
    "shift",
    check,
  ),
  item(
    "ecmo.emergency_kit",
    S.circuit,
    "Emergency kit at the bedside (4 clamps, hand crank)",
    "Kit d'urgence au lit (4 clamps, manivelle)",
    "shift",
    check,
  ),
  ...LEGS,
  item("ecmo.dpc_flow", S.legs, "Distal perfusion cannula flow", "Débit de la canule de reperfusion", "hourly", {
    type: "number",
    unit: "mL/min",
    min: 0,
    max: 1000,
    parameter: "dpc_flow",
  }),
  item("nirs_left", S.legs, "Left limb NIRS (read at the bedside)", "NIRS membre gauche (lue au lit)", "hourly", {
    type: "number",
    unit: "%",
    min: 0,
    max: 100,
    parameter: "nirs_left",
  }),
  item("nirs_right", S.legs, "Right limb NIRS (read at the bedside)", "NIRS membre droit (lue au lit)", "hourly", {
    type: "number",
    unit: "%",
    min: 0,
    max: 100,
    parameter: "nirs_right",
  }),
  item("ecmo.pupils", S.neuro, "Pupils", "Pupilles", "hourly", normal),
  item(
    "ecmo.right_radial",
    S.neuro,
    "Right-radial gas or SpO2 checked (differential hypoxaemia)",
    "Gaz du sang ou SpO2 radiale droite contrôlés (hypoxémie différentielle)",
    "hourly",
    normal,
  ),
  URINE,
];

/** Both devices: the VA-ECMO list, then the IABP items it does not already hold. */
function combined(): TRoundTemplateItem[] {
  const ids = new Set(ECMO_ITEMS.map((i) => i.itemId));
  return [...ECMO_ITEMS, ...IABP_ITEMS.filter((i) => !ids.has(i.itemId))];
}

export const DEFAULT_ROUND_TEMPLATES: Readonly<Record<TDeviceType, TRoundTemplateInput>> = {
  IABP: {
    deviceType: "IABP",
    note: "Built-in: the French IABP nursing protocol, with the station's additions",
    items: IABP_ITEMS,
  },
  VA_ECMO: { deviceType: "VA_ECMO", note: "Built-in: the station's VA-ECMO checklist", items: ECMO_ITEMS },
  VA_ECMO_IABP: {
    deviceType: "VA_ECMO_IABP",
    note: "Built-in: the VA-ECMO and IABP checklists together",
    items: combined(),
  },
};
