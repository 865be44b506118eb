import Link from "next/link";
import { useTranslations } from "next-intl";
import { UserMenu } from "@/components/auth/UserMenu";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";

export interface TUnitListItem {
  readonly id: string;
  readonly name: string;
  readonly bedCount: number;
}

/** The home page when the server holds several units (or none): one link per unit's central station. */
export function UnitList({ units }: { readonly units: readonly TUnitListItem[] }) {
  const t = useTranslations("home");
  return (
    <main className="home">
      <header className="home__header">
        <h1>{t("title")}</h1>
        <LanguageSwitch />
        <UserMenu />
      </header>
      {units.length === 0 ? (
        <div className="notice">
          <p className="notice__title">{t("noUnits")}</p>
          <p>{t("noUnitsHint")}</p>
        </div>
      ) : (
        <>
          <p>{t("intro")}</p>
          <ul className="home__units">
            {units.map((unit) => (
              <li key={unit.id}>
                <Link href={`/station/${encodeURIComponent(unit.id)}`} className="home__unit" data-testid="unit-link">
                  <span className="home__unit-name">{unit.name}</span>
                  <span className="home__unit-beds">{t("bedCount", { count: unit.bedCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
