import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/auth/DemoBanner";
import { SignInForm } from "@/components/auth/SignInForm";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { findPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { DEMO_ACCOUNTS } from "@/lib/db/demo/demo-accounts";
import { isDemoMode } from "@/lib/db/demo/is-demo-mode";

export const dynamic = "force-dynamic";

const REASONS = ["expired", "signed-out", "revoked"] as const;

export default async function SignInPage({
  searchParams,
}: {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const next = typeof query.next === "string" ? query.next : null;
  if (await findPagePrincipal()) redirect(safeNextPath(next));
  const t = await getTranslations("auth.signIn");
  const reason = REASONS.find((r) => r === query.reason);
  const demo = isDemoMode();
  return (
    <main className="auth-page">
      {demo && <DemoBanner />}
      <div className="auth-card">
        <header className="auth-card__header">
          <h1>{t("title")}</h1>
          <LanguageSwitch />
        </header>
        <p className="auth-card__intro">{t("intro")}</p>
        {reason && (
          <p className="auth-card__reason" role="status" data-testid="sign-in-reason">
            {t(`reason.${reason}`)}
          </p>
        )}
        <SignInForm
          next={next}
          demoAccounts={demo ? DEMO_ACCOUNTS.map(({ username, password, role }) => ({ username, password, role })) : []}
        />
        <p className="auth-card__footer">
          <a href="/pair">{t("pairLink")}</a>
        </p>
      </div>
    </main>
  );
}
