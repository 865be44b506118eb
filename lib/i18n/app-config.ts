import type { TLocale } from "./locales";
import type { TMessages } from "./messages";

// Types every `t("…")` call against the English catalogue, so a missing or misspelt key fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: TLocale;
    Messages: TMessages;
  }
}
