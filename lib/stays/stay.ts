import { z } from "zod";
import { DEVICE_TYPES } from "@/lib/catalogue/types";
import { ZEpisodeSettings } from "@/lib/episodes/episode-settings";
import { ZClinicalText } from "@/lib/text/clinical-text";

/**
 * A patient's stay in a unit (issue 15): the inputs of admission, bed move, discharge, and of starting, changing and
 * ending a support episode inside the stay. Pure (the screens validate with the same schemas the routes parse with);
 * the operations are in lib/db/stays. Mirrors of prisma/schema.prisma's enums (lib/db/schema-enums.test.ts).
 */
export const STAY_DISPOSITIONS = ["ward", "transfer", "home", "death"] as const;
export type TStayDisposition = (typeof STAY_DISPOSITIONS)[number];

export const EPISODE_END_REASONS = ["weaned", "escalated", "transfer", "death", "other"] as const;
export type TEpisodeEndReason = (typeof EPISODE_END_REASONS)[number];

export const CANNULATION_SIDES = ["left", "right", "central"] as const;
export const SEXES = ["F", "M", "O", "U"] as const;

const ZId = z.string().min(1).max(64);
/** An instant as epoch ms; the server refuses one in the future (lib/db/stays checks it against its clock). */
const ZInstant = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1));

export const ZAdmitPatient = z.object({
  unitId: ZId,
  bedId: ZId,
  /** The hospital's medical record number, what HL7 PID-3 and FHIR Patient.identifier match on. */
  mrn: z
    .string()
    .trim()
    .min(1, { message: "is required" })
    .max(40, { message: "at most 40 characters" })
    .regex(/^[A-Za-z0-9._-]+$/, { message: "letters, digits, dot, dash or underscore only" }),
  givenName: ZClinicalText({ max: 80 }).pipe(z.string().min(1, { message: "is required" })),
  familyName: ZClinicalText({ max: 80 }).pipe(z.string().min(1, { message: "is required" })),
  /** YYYY-MM-DD. */
  birthDate: z.iso.date({ message: "must be a date (YYYY-MM-DD)" }),
  sex: z.enum(SEXES),
  weightKg: z.number().min(1).max(400).nullable(),
  heightCm: z.number().min(30).max(250).nullable(),
  diagnosis: ZClinicalText({ max: 200 }).nullable(),
  /** When the patient arrived; null: now. */
  admittedAt: ZInstant.nullable().default(null),
});
export type TAdmitPatient = z.input<typeof ZAdmitPatient>;

export const ZMoveStay = z.object({
  stayId: ZId,
  toBedId: ZId,
  /** When the patient moved (an ADT transfer's event time); null: now. */
  movedAt: ZInstant.nullable().default(null),
});
export type TMoveStay = z.input<typeof ZMoveStay>;

/** An ADT A08's identity update of a patient found by MRN: a field left null is left as stored. */
export const ZUpdatePatient = z.object({
  mrn: ZAdmitPatient.shape.mrn,
  givenName: ZAdmitPatient.shape.givenName.nullable(),
  familyName: ZAdmitPatient.shape.familyName.nullable(),
  birthDate: ZAdmitPatient.shape.birthDate.nullable(),
  sex: z.enum(SEXES).nullable(),
  weightKg: ZAdmitPatient.shape.weightKg,
  heightCm: ZAdmitPatient.shape.heightCm,
});
export type TUpdatePatient = z.infer<typeof ZUpdatePatient>;

export const ZDischargeStay = z.object({
  stayId: ZId,
  disposition: z.enum(STAY_DISPOSITIONS),
  dischargedAt: ZInstant.nullable().default(null),
});
export type TDischargeStay = z.input<typeof ZDischargeStay>;

export const ZCannulas = z
  .object({
    /** VA-ECMO return (arterial) and drainage (venous) cannulas, French. */
    arterialFr: z.number().int().min(8).max(30).optional(),
    venousFr: z.number().int().min(8).max(34).optional(),
    /** IABP balloon volume, mL. */
    balloonMl: z.number().int().min(20).max(60).optional(),
  })
  .strict();

export const ZStartEpisode = z.object({
  stayId: ZId,
  deviceType: z.enum(DEVICE_TYPES),
  startedAt: ZInstant.nullable().default(null),
  cannulationSite: ZClinicalText({ max: 80 }).nullable(),
  cannulationSide: z.enum(CANNULATION_SIDES).nullable(),
  cannulas: ZCannulas.nullable(),
  distalPerfusion: z.boolean().nullable(),
  distalPerfusionAt: ZInstant.nullable().default(null),
  consoleModel: ZClinicalText({ max: 80 }).nullable(),
  settings: ZEpisodeSettings,
});
export type TStartEpisode = z.input<typeof ZStartEpisode>;

export const ZChangeEpisodeSettings = z.object({
  episodeId: ZId,
  /** The settings in force from now on (a whole set, as the console shows them). */
  settings: ZEpisodeSettings,
  at: ZInstant.nullable().default(null),
});
export type TChangeEpisodeSettings = z.input<typeof ZChangeEpisodeSettings>;

export const ZEndEpisode = z.object({
  episodeId: ZId,
  endedAt: ZInstant.nullable().default(null),
  reason: z.enum(EPISODE_END_REASONS),
});
export type TEndEpisode = z.input<typeof ZEndEpisode>;

/** Search of the archive (discharged stays) by MRN or name, a few characters at least. */
export const ZStaySearch = z.object({
  unitId: ZId,
  q: z.string().trim().min(2, { message: "at least 2 characters" }).max(80),
});

/** Admission from a bed's page: the unit and the bed come from the address. */
export const ZAdmitToBed = ZAdmitPatient.omit({ unitId: true, bedId: true });
export const ZMoveToBed = ZMoveStay.omit({ stayId: true });
export const ZDischargeBed = ZDischargeStay.omit({ stayId: true });
export const ZStartSupport = ZStartEpisode.omit({ stayId: true });
export const ZChangeSupportSettings = ZChangeEpisodeSettings.omit({ episodeId: true });
export const ZEndSupport = ZEndEpisode.omit({ episodeId: true });

/** A bed's stay as its page shows it (GET /api/beds/:bedId/stay). Instants are epoch ms. */
export interface TBedStay {
  bed: { id: string; label: string; unitId: string };
  /** The open stay, null for a free bed. */
  stay: {
    id: string;
    admittedAt: number;
    diagnosis: string | null;
    weightKg: number | null;
    heightCm: number | null;
    patient: { mrn: string; givenName: string; familyName: string; birthDate: string; sex: string };
    /** The support running now, null when none. */
    episode: {
      id: string;
      deviceType: string;
      startedAt: number;
      cannulationSite: string | null;
      cannulationSide: string | null;
      consoleModel: string | null;
    } | null;
  } | null;
  /** The unit's free beds, for a move. */
  freeBeds: { id: string; label: string }[];
}

/** One archived (discharged) stay in the search's answer. */
export interface TArchivedStay {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  bedLabel: string;
  admittedAt: number;
  dischargedAt: number;
  disposition: TStayDisposition | null;
  diagnosis: string | null;
}
