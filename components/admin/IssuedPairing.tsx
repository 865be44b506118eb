"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { TIssuedPairing } from "@/lib/auth/account-dtos";
import { formatPairingCode, pairingLink } from "@/lib/client/pairing-code";

/**
 * A one-time pairing code, shown once: the server keeps only its hash, so once this panel is dismissed (or the page
 * left) nobody can show it again; a new code is issued instead. The code for typing on the wall screen, the link for
 * opening it there directly, and until when either works.
 */
export function IssuedPairing({
  issued,
  unitLabel,
  onDismiss,
}: {
  readonly issued: TIssuedPairing;
  readonly unitLabel: string;
  readonly onDismiss: () => void;
}) {
  const t = useTranslations("admin.displays.issued");
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  // The origin the admin reached the station at is the one the wall screen will reach too (PUBLIC_ORIGIN behind a
  // proxy). It never changes while the page is open, hence no subscription.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  useEffect(() => {
    // Moves focus here so that a keyboard or screen-reader user lands on the code that just appeared.
    heading.current?.focus();
  }, [issued.code]);
  const link = pairingLink(origin, issued.code);

  const copy = () => {
    // The clipboard API exists only in secure contexts; a ward station on plain HTTP falls back to selecting the text.
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section className="admin-pairing" aria-labelledby="pairing-title" data-testid="issued-pairing">
      <h2 id="pairing-title" ref={heading} tabIndex={-1}>
        {t("title", { name: issued.display.displayName })}
      </h2>
      <p className="admin__muted">{t("unit", { unit: unitLabel })}</p>
      <p
        className="admin-pairing__code"
        data-testid="pairing-code"
        aria-label={t("codeLabel", { code: issued.code.split("").join(" ") })}
      >
        {formatPairingCode(issued.code)}
      </p>
      <p>{t("expires", { time: format.dateTime(new Date(issued.expiresAt), { timeStyle: "short" }) })}</p>
      <label className="admin-form__field">
        <span>{t("link")}</span>
        <input readOnly value={link} onFocus={(event) => event.target.select()} data-testid="pairing-link" />
      </label>
      <p className="admin-pairing__once">{t("once")}</p>
      <div className="admin-form__actions">
        <button type="button" className="admin-button" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </button>
        <button
          type="button"
          className="admin-button admin-button--primary"
          onClick={onDismiss}
          data-testid="pairing-dismiss"
        >
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}

function noSubscription(): () => void {
  return () => undefined;
}
