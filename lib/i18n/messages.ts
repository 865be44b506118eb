import type { TLocale } from "./locales";
import type en from "./messages/en.json";

/** The English catalogue is the reference shape; French must hold the same keys (messages.test.ts checks both ways). */
export type TMessages = typeof en;

const LOADERS: Record<TLocale, () => Promise<{ default: TMessages }>> = {
  en: () => import("./messages/en.json"),
  fr: () => import("./messages/fr.json"),
};

export async function loadMessages(locale: TLocale): Promise<TMessages> {
  return (await LOADERS[locale]()).default;
}
