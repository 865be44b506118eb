import type { TLocale } from "./locales";
import type adminEn from "./messages/admin.en.json";
import type authEn from "./messages/auth.en.json";
import type alarmsEn from "./messages/alarms.en.json";
import type handoverEn from "./messages/handover.en.json";
import type roundsEn from "./messages/rounds.en.json";
import type bedEventsEn from "./messages/bedEvents.en.json";
import type fourTsRecordEn from "./messages/fourTsRecord.en.json";
import type protocolsEn from "./messages/protocols.en.json";
import type staysEn from "./messages/stays.en.json";
import type importMappingEn from "./messages/importMapping.en.json";
import type labResultsEn from "./messages/labResults.en.json";
import type stayRecordEn from "./messages/stayRecord.en.json";
import type refusalsEn from "./messages/refusals.en.json";
import type en from "./messages/en.json";

/**
 * The catalogue is split by area (the screens in en/fr.json, sign-in and sessions in auth.*, administration in
 * admin.*, the station's refusals of an operation in refusals.*), each file holding its own top-level namespace; a
 * locale's messages are their union. The English files are the reference shape; the French ones must hold the same
 * keys (messages.test.ts checks both ways).
 */
export type TMessages = typeof en &
  typeof authEn &
  typeof adminEn &
  typeof handoverEn &
  typeof alarmsEn &
  typeof roundsEn &
  typeof bedEventsEn &
  typeof fourTsRecordEn &
  typeof protocolsEn &
  typeof staysEn &
  typeof importMappingEn &
  typeof labResultsEn &
  typeof stayRecordEn &
  typeof refusalsEn;

const LOADERS: Record<TLocale, () => Promise<TMessages>> = {
  en: async () => ({
    ...(await import("./messages/en.json")).default,
    ...(await import("./messages/auth.en.json")).default,
    ...(await import("./messages/admin.en.json")).default,
    ...(await import("./messages/handover.en.json")).default,
    ...(await import("./messages/alarms.en.json")).default,
    ...(await import("./messages/rounds.en.json")).default,
    ...(await import("./messages/bedEvents.en.json")).default,
    ...(await import("./messages/fourTsRecord.en.json")).default,
    ...(await import("./messages/protocols.en.json")).default,
    ...(await import("./messages/stays.en.json")).default,
    ...(await import("./messages/importMapping.en.json")).default,
    ...(await import("./messages/labResults.en.json")).default,
    ...(await import("./messages/stayRecord.en.json")).default,
    ...(await import("./messages/refusals.en.json")).default,
  }),
  fr: async () => ({
    ...(await import("./messages/fr.json")).default,
    ...(await import("./messages/auth.fr.json")).default,
    ...(await import("./messages/admin.fr.json")).default,
    ...(await import("./messages/handover.fr.json")).default,
    ...(await import("./messages/alarms.fr.json")).default,
    ...(await import("./messages/rounds.fr.json")).default,
    ...(await import("./messages/bedEvents.fr.json")).default,
    ...(await import("./messages/fourTsRecord.fr.json")).default,
    ...(await import("./messages/protocols.fr.json")).default,
    ...(await import("./messages/stays.fr.json")).default,
    ...(await import("./messages/importMapping.fr.json")).default,
    ...(await import("./messages/labResults.fr.json")).default,
    ...(await import("./messages/stayRecord.fr.json")).default,
    ...(await import("./messages/refusals.fr.json")).default,
  }),
};

export async function loadMessages(locale: TLocale): Promise<TMessages> {
  return LOADERS[locale]();
}
