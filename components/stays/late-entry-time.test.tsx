import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TRole } from "@/lib/auth/roles";
import { SessionUserProvider } from "@/lib/client/session-user";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import stayEn from "@/lib/i18n/messages/stays.en.json";
import stayFr from "@/lib/i18n/messages/stays.fr.json";
import type { TBedStay } from "@/lib/stays/stay";
import { AdmitForm } from "./AdmitForm";
import { readWhen } from "./stay-form-parts";
import { SupportForms } from "./SupportForms";

// A whole stay cannot be told at the bedside in real time (issue 15): a patient arrives while nobody can type, a
// cannula is placed before the physician can record it. The forms take the time it happened, in the unit's zone;
// before, they always sent "now" and an admission could not be recorded after the fact.
const ZONE = "Europe/Paris";
const FREE_BED: TBedStay = {
  bed: { id: "b7", label: "07", unitId: "u" },
  stay: null,
  freeBeds: [],
};

function render(locale: "en" | "fr", role: TRole, form: "admit" | "start" | "end"): string {
  const user = { userId: "u", username: "u", displayName: "U", role, unitIds: ["u"], idleTimeoutMinutes: 30 };
  const messages = locale === "en" ? { ...en, ...stayEn } : { ...fr, ...stayFr };
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={ZONE}>
      <SessionUserProvider user={user}>
        {form === "admit" ? (
          <AdmitForm data={FREE_BED} onDone={() => undefined} timeZone={ZONE} />
        ) : (
          <SupportForms bedId="b7" running={form === "end"} onDone={() => undefined} timeZone={ZONE} />
        )}
      </SessionUserProvider>
    </NextIntlClientProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the time of a late entry in the stay forms", () => {
  it("is asked by the admission, the start and the end of support, empty for now, in the page's language", () => {
    expect(text(render("en", "nurse", "admit"))).toContain("Arrived at (empty: now)");
    expect(render("en", "nurse", "admit")).toContain('name="admittedAt"');
    expect(text(render("fr", "nurse", "admit"))).toContain("Arrivée le (vide : maintenant)");
    expect(render("en", "physician", "start")).toContain('name="startedAt"');
    expect(text(render("en", "physician", "start"))).toContain("Started at (empty: now)");
    expect(text(render("fr", "physician", "end"))).toContain("Fin le (vide : maintenant)");
    expect(render("en", "physician", "end")).toContain('placeholder="dd/mm/yyyy hh:mm"');
    expect(render("fr", "physician", "start")).toContain('placeholder="jj/mm/aaaa hh:mm"');
  });

  it("reads a typed time in the unit's zone, empty as now, and anything else as not a time", () => {
    expect(readWhen("02/12/2026 08:30", "en", ZONE)).toBe(Date.UTC(2026, 11, 2, 7, 30));
    expect(readWhen(" 02/07/2026 08:30 ", "fr", ZONE)).toBe(Date.UTC(2026, 6, 2, 6, 30));
    expect(readWhen(null, "en", ZONE)).toBeNull();
    expect(readWhen("  ", "en", ZONE)).toBeNull();
    expect(readWhen("yesterday", "en", ZONE)).toBeUndefined();
    expect(readWhen("12/31/2026 08:30", "en", ZONE)).toBeUndefined();
  });
});
