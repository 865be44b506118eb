"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { focusNewPage, focusPageStart } from "@/lib/client/focus-page";

/**
 * Keyboard focus across pages: a skip link, the first Tab stop of every page, to its content past the header; and,
 * after a client-side navigation, focus on the new page's first heading (once it is drawn, for a page that loads
 * first), where it would otherwise drop to <body> and a keyboard or screen-reader user would start again from the
 * top of the document.
 */
export function PageFocus() {
  const t = useTranslations("app");
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    // The first page of a visit keeps the browser's own focus (the top of the document, where the skip link is).
    if (first.current) {
      first.current = false;
      return;
    }
    return focusNewPage();
  }, [pathname]);
  return (
    <a
      className="skip-link"
      href="#main"
      data-testid="skip-link"
      onClick={(event) => {
        event.preventDefault();
        focusPageStart();
      }}
    >
      {t("skipToContent")}
    </a>
  );
}
