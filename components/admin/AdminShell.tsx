"use client";

import "./admin.css";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/UserMenu";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { useCan } from "@/lib/client/session-user";

/** The frame of the administration pages: their title, the way between them, the language and the user menu. */
export function AdminShell({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const t = useTranslations("admin");
  const pathname = usePathname();
  // Each link only for a role that may open it: the same matrix the pages check (lib/auth/permissions.ts).
  const links = [
    { href: "/admin/users", label: t("nav.users"), allowed: useCan("user.manage") },
    { href: "/admin/displays", label: t("nav.displays"), allowed: useCan("display.manage") },
    { href: "/admin/shifts", label: t("nav.shifts"), allowed: useCan("shift.configure") },
    { href: "/admin/audit", label: t("nav.audit"), allowed: useCan("audit.view") },
  ].filter((link) => link.allowed);

  return (
    <div className="admin">
      <header className="admin__header">
        <div className="admin__heading">
          <p className="admin__kicker">{t("title")}</p>
          <h1>{title}</h1>
        </div>
        <div className="admin__tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <nav className="admin__nav" aria-label={t("nav.label")}>
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={pathname === link.href ? "page" : undefined}
                data-testid={`admin-nav-${link.href.split("/")[2] ?? ""}`}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="admin__main">{children}</main>
    </div>
  );
}
