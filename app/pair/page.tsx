import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/auth/DemoBanner";
import { PairForm } from "@/components/auth/PairForm";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { findPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { isDemoMode } from "@/lib/db/demo/is-demo-mode";

export const dynamic = "force-dynamic";

/** The wall screen's sign-in: /pair, or /pair?code=XXXXXXXX from the link an admin copied. */
export default async function PairPage({
  searchParams,
}: {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const signedIn = await findPagePrincipal();
  if (signedIn?.role === "display") redirect("/");
  const t = await getTranslations("auth.pair");
  const revoked = query.reason === "signed-out" || query.reason === "revoked";
  return (
    <main className="auth-page">
      {isDemoMode() && <DemoBanner />}
      <div className="auth-card">
        <header className="auth-card__header">
          <h1>{t("title")}</h1>
          <LanguageSwitch />
        </header>
        <p className="auth-card__intro">{t("intro")}</p>
        {revoked && (
          <p className="auth-card__reason" role="status" data-testid="pair-reason">
            {t("revoked")}
          </p>
        )}
        <PairForm initialCode={typeof query.code === "string" ? query.code : ""} />
        <p className="auth-card__footer">
          <a href="/sign-in">{t("signInLink")}</a>
        </p>
      </div>
    </main>
  );
}
