import "./auth.css";
import { useTranslations } from "next-intl";

/** Says, where it cannot be missed, that this station is a demo: synthetic patients, public passwords. */
export function DemoBanner() {
  const t = useTranslations("auth.demo");
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t("badge")}</strong> {t("banner")}
    </p>
  );
}
