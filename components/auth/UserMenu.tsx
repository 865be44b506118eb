"use client";

import "./auth.css";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "@/lib/client/auth-api";
import { useCan, useSessionUser } from "@/lib/client/session-user";

/**
 * Who is signed in, where they may go, and the way out: this session, or every browser and tablet of the user (a
 * lost tablet). A wall screen shows only its name: nobody signs it out from the screen; an admin revokes it.
 */
export function UserMenu() {
  const t = useTranslations("auth");
  const user = useSessionUser();
  const mayImport = useCan("import.view");
  const mayAdminister = useCan("user.manage");
  const mayAudit = useCan("audit.view");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  if (user.role === "display") {
    return (
      <p className="user-menu user-menu--display" data-testid="user-menu" data-role={user.role}>
        {user.displayName}
      </p>
    );
  }

  const leave = (everywhere: boolean) => {
    if (everywhere && !window.confirm(t("menu.signOutEverywhereConfirm"))) return;
    setBusy(true);
    setFailed(false);
    signOut(everywhere).then(
      () => window.location.assign("/sign-in?reason=signed-out"),
      () => {
        setBusy(false);
        setFailed(true);
      },
    );
  };

  return (
    <details className="user-menu" data-testid="user-menu" data-role={user.role}>
      <summary className="user-menu__summary">
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__role">{t(`roles.${user.role}`)}</span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__who">{t("menu.signedInAs", { username: user.username })}</p>
        <nav aria-label={t("menu.navigation")}>
          <ul className="user-menu__links">
            <li>
              <Link href="/">{t("menu.units")}</Link>
            </li>
            {mayImport && (
              <li>
                <Link href="/import" data-testid="nav-import">
                  {t("menu.import")}
                </Link>
              </li>
            )}
            {mayAdminister && (
              <li>
                <Link href="/admin/users" data-testid="nav-admin">
                  {t("menu.admin")}
                </Link>
              </li>
            )}
            {mayAudit && (
              <li>
                <Link href="/admin/audit" data-testid="nav-audit">
                  {t("menu.audit")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="user-menu__actions">
          <button type="button" onClick={() => leave(false)} disabled={busy} data-testid="sign-out">
            {t("menu.signOut")}
          </button>
          <button type="button" onClick={() => leave(true)} disabled={busy} data-testid="sign-out-everywhere">
            {t("menu.signOutEverywhere")}
          </button>
        </div>
        {failed && <p role="alert">{t("menu.signOutFailed")}</p>}
      </div>
    </details>
  );
}
