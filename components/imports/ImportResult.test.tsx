import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import type { TImportSummaryDto } from "@/lib/imports/import-job";
import { ImportResult } from "./ImportResult";

const RESULT: TImportSummaryDto = {
  jobId: "job-1",
  kind: "hl7",
  fileName: "results.hl7",
  status: "done",
  dryRun: false,
  ignoredCodes: {},
  processed: 2,
  accepted: 0,
  rejected: 2,
  duplicate: 0,
  ignored: 0,
  corrected: 0,
  rejections: [
    {
      location: "message 1, OBX 1",
      field: "OBX-6",
      value: "mmol/dL",
      code: "UNIT_NOT_ACCEPTED",
      reason: 'unit "mmol/dL" is not accepted for LACT',
    },
    {
      location: "message 2",
      field: "PID-3",
      value: "MRN-9",
      code: "SOMETHING_NEW",
      reason: "a cause this page does not know",
    },
  ],
};

const render = (locale: "en" | "fr") =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="UTC">
      <ImportResult result={RESULT} />
    </NextIntlClientProvider>,
  );

describe("ImportResult", () => {
  it("gives each rejection's reason in the page's language, the reader's English sentence only as a labelled detail", () => {
    const html = render("fr");
    expect(html).toContain("Unité non acceptée pour ce paramètre.");
    expect(html).toContain("Détail technique (en anglais)");
    expect(html).toContain('<span lang="en">unit &quot;mmol/dL&quot; is not accepted for LACT</span>');
    expect(render("en")).toContain("Unit not accepted for this parameter.");
  });

  it("says a code it does not know is refused, rather than printing the code", () => {
    const html = render("fr");
    expect(html).toContain("Refusé.");
    expect(html).not.toContain("SOMETHING_NEW");
  });
});
