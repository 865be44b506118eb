import "./auth.css";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/Notice";

/**
 * What a page shows instead of its content when the server refused it (the refusal is audited): why, and where to
 * go. No data of the refused unit or bed is on the page.
 */
export function AccessDenied({ reason }: { readonly reason: "role" | "unit" | "not-found" }) {
  const t = useTranslations("auth.denied");
  return (
    <main className="auth-page">
      <Notice title={t(`${reason}.title`)} testId="access-denied">
        <p>{t(`${reason}.body`)}</p>
        <p>
          <Link href="/">{t("home")}</Link>
        </p>
      </Notice>
    </main>
  );
}
