import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/importMapping.en.json";
import fr from "@/lib/i18n/messages/importMapping.fr.json";
import { MappingChoice, NO_MAPPING } from "./MappingChoice";

const render = (locale: "en" | "fr", mapping: string | null) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="UTC">
      <MappingChoice value={{ ...NO_MAPPING, mapping }} onChange={() => undefined} />
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
});
