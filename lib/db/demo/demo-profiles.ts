import type { TEpisodeSettings } from "@/lib/episodes/episode-settings";
import type { TScenarioName } from "@/lib/simulator/scenarios";

/**
 * Beds in the default demo unit, in bed order; null is a free bed. 8 beds: 4 VA-ECMO (one with an IABP), 3 IABP, each
 * a different story, and bed 07 free so that a new user can admit a patient in the first minute (issue 15). Bed 07
 * rather than the last: the end-to-end specs follow the stories of beds 01, 03, 05, 06 and 08.
 */
export const DEMO_SCENARIO_ORDER: readonly (TScenarioName | null)[] = [
  "stable_va_ecmo",
  "rising_lactate",
  "iabp_helium_leak",
  "anti_xa_drift",
  "limb_ischaemia",
  "iabp_weaning",
  null,
  "hit_platelets",
  // Only used by units larger than 8 beds.
  "oxygenator_thrombosis",
  "stable_iabp",
];

export interface TDemoEpisodeProfile {
  /**
   * How long before the seed's `now` the episode starts. Chosen so that each scenario's signature is under way when
   * the demo opens and crosses its threshold within the next few hours at speed 1 (see each scenario's timeline).
   */
  readonly startHoursAgo: number;
  /**
   * Stored as the patient's admission text, which is a person's own words and is not translated on screen: the demo
   * writes it in the demo's language (DEMO_LANGUAGE), so that a French demo reads French throughout (issue 17).
   */
  readonly diagnosis: { readonly en: string; readonly fr: string };
  readonly cannulationSite: string;
  readonly settings: TEpisodeSettings;
}

const balloon = { ratio: "1:1", trigger: "ECG" } as const;

export const DEMO_EPISODES: Readonly<Record<TScenarioName, TDemoEpisodeProfile>> = {
  stable_va_ecmo: {
    startHoursAgo: 72,
    diagnosis: {
      en: "Cardiogenic shock after anterior STEMI",
      fr: "Choc cardiogénique après IDM antérieur avec sus-décalage du ST",
    },
    cannulationSite: "femoral right",
    settings: { rpm: 3300, sweep: 3.5, fdo2: 60 },
  },
  rising_lactate: {
    startHoursAgo: 28,
    diagnosis: {
      en: "Cardiogenic shock after inferior STEMI; IABP to unload the left ventricle",
      fr: "Choc cardiogénique après IDM inférieur avec sus-décalage du ST ; BCPIA pour décharger le ventricule gauche",
    },
    cannulationSite: "femoral right",
    settings: { rpm: 3500, sweep: 4, fdo2: 70, ...balloon },
  },
  iabp_helium_leak: {
    startHoursAgo: 30,
    diagnosis: {
      en: "Anterior STEMI with cardiogenic shock (SCAI C)",
      fr: "IDM antérieur avec sus-décalage du ST et choc cardiogénique (SCAI C)",
    },
    cannulationSite: "femoral left",
    settings: balloon,
  },
  anti_xa_drift: {
    startHoursAgo: 38,
    diagnosis: { en: "Fulminant myocarditis", fr: "Myocardite fulminante" },
    cannulationSite: "femoral left",
    settings: { rpm: 3100, sweep: 2.5, fdo2: 50 },
  },
  limb_ischaemia: {
    startHoursAgo: 24,
    diagnosis: { en: "Refractory ventricular fibrillation", fr: "Fibrillation ventriculaire réfractaire" },
    cannulationSite: "femoral right",
    settings: { rpm: 3200, sweep: 3, fdo2: 60 },
  },
  iabp_weaning: {
    startHoursAgo: 44,
    diagnosis: {
      en: "Low output after high-risk PCI, recovering",
      fr: "Bas débit après angioplastie à haut risque, en récupération",
    },
    cannulationSite: "femoral right",
    settings: balloon,
  },
  oxygenator_thrombosis: {
    startHoursAgo: 36,
    diagnosis: { en: "Massive pulmonary embolism", fr: "Embolie pulmonaire massive" },
    cannulationSite: "femoral right",
    settings: { rpm: 3400, sweep: 3.5, fdo2: 80 },
  },
  hit_platelets: {
    startHoursAgo: 126,
    diagnosis: {
      en: "Acute ischaemic mitral regurgitation awaiting surgery",
      fr: "Insuffisance mitrale aiguë ischémique en attente de chirurgie",
    },
    cannulationSite: "femoral right",
    settings: balloon,
  },
  stable_iabp: {
    startHoursAgo: 50,
    diagnosis: { en: "Support during high-risk PCI", fr: "Assistance pendant une angioplastie à haut risque" },
    cannulationSite: "femoral left",
    settings: balloon,
  },
};

/** Obviously fictional people: the family names are French for example, fictitious, fake, simulated, and so on. */
export const DEMO_PATIENTS = [
  { givenName: "Alice", familyName: "Exemple", sex: "F", ageYears: 58, weightKg: 68 },
  { givenName: "Bernard", familyName: "Fictif", sex: "M", ageYears: 64, weightKg: 92 },
  { givenName: "Chloé", familyName: "Factice", sex: "F", ageYears: 47, weightKg: 61 },
  { givenName: "David", familyName: "Simulé", sex: "M", ageYears: 71, weightKg: 85 },
  { givenName: "Émile", familyName: "Maquette", sex: "M", ageYears: 36, weightKg: 77 },
  { givenName: "Françoise", familyName: "Essai", sex: "F", ageYears: 76, weightKg: 58 },
  { givenName: "Gaston", familyName: "Témoin", sex: "M", ageYears: 52, weightKg: 96 },
  { givenName: "Hélène", familyName: "Modèle", sex: "F", ageYears: 33, weightKg: 64 },
] as const;
