"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, type TLocale } from "@/lib/i18n/locales";
import { writeLocaleCookie } from "@/lib/i18n/write-locale-cookie";

/**
 * Switches this screen's language. The choice is a cookie, not a URL: the server renders the next request in it,
 * and router.refresh() re-renders the current page in place, keeping the live cache and the socket.
 */
export function LanguageSwitch() {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (next: TLocale) => {
    if (next === locale) return;
    writeLocaleCookie(next);
    startTransition(() => router.refresh());
  };

  return (
    <div className="language-switch" role="group" aria-label={t("label")} aria-busy={pending}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={option === locale}
          onClick={() => choose(option)}
          data-testid={`language-${option}`}
        >
          <abbr title={t(option)}>{option.toUpperCase()}</abbr>
        </button>
      ))}
    </div>
  );
}
