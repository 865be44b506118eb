import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import enBase from "@/lib/i18n/messages/en.json";
import frBase from "@/lib/i18n/messages/fr.json";
import enMapping from "@/lib/i18n/messages/importMapping.en.json";
import frMapping from "@/lib/i18n/messages/importMapping.fr.json";
import { MappingChoice, NO_MAPPING } from "./MappingChoice";

const en = { ...enMapping, dateTimeField: enBase.dateTimeField };
const fr = { ...frMapping, dateTimeField: frBase.dateTimeField };

const render = (locale: "en" | "fr", mapping: string | null, admittedInvalid = false) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="UTC">
      <MappingChoice value={{ ...NO_MAPPING, mapping }} onChange={() => undefined} admittedInvalid={admittedInvalid} />
    </NextIntlClientProvider>,
  );

describe("MappingChoice", () => {
  it("offers none, the saved PhysioNet 2019 mapping and a file, in the station's language", () => {
    const html = render("en", null);
    expect(html).toContain("None: the documented columns, HL7, FHIR or MIMIC");
    expect(html).toContain('value="physionet-2019-hourly">PhysioNet Challenge 2019 hourly');
    expect(html).toContain("From a mapping file…");
    // Nothing asked of the import until a mapping is chosen.
    expect(html).not.toContain("Patient identifier");
    expect(render("fr", null)).toContain("PhysioNet Challenge 2019 horaire");
  });

  it("asks for the patient and the admission time once a saved mapping is chosen", () => {
    const html = render("fr", "physionet-2019-hourly");
    expect(html).toContain("Identifiant du patient");
    expect(html).toContain("Heure d&#x27;admission");
  });

  it("takes the admission time as text, day first in the page's language, and says how to type it when unreadable", () => {
    const html = render("fr", "physionet-2019-hourly");
    // Not a native datetime input: Chromium would show it in the operating system's locale (issue 17).
    expect(html).not.toContain("datetime-local");
    expect(html).toContain('placeholder="jj/mm/aaaa hh:mm"');
    expect(html).not.toContain('role="alert"');
    const refused = render("en", "physionet-2019-hourly", true);
    expect(refused).toContain('aria-invalid="true"');
    expect(refused).toContain("Enter a date and time as dd/mm/yyyy hh:mm, for example 23/11/2026 08:30.");
  });
});
