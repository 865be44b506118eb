import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers/Providers";
import { PageFocus } from "@/components/ui/PageFocus";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title"), description: t("description") };
}

export const viewport: Viewport = { colorScheme: "dark", themeColor: "#000000" };

export default async function RootLayout({ children }: { readonly children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Inherits the locale, messages and time zone of lib/i18n/request.ts. */}
        <NextIntlClientProvider>
          <PageFocus />
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
