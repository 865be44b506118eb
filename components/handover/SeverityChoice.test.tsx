import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/handover.en.json";
import { ILLNESS_SEVERITIES, type TIllnessSeverity } from "@/lib/handover";
import { SeverityChoice } from "./SeverityChoice";

function labels(severity: TIllnessSeverity | null): { value: string; className: string }[] {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <SeverityChoice severity={severity} onChange={() => undefined} />
    </NextIntlClientProvider>,
  );
  return [...html.matchAll(/<label class="([^"]*)"[^>]*><input[^>]*value="(\w+)"/g)].map((m) => ({
    className: m[1]!,
    value: m[2]!,
  }));
}

describe("SeverityChoice", () => {
  it.each(ILLNESS_SEVERITIES)("highlights the checked severity (%s) and no other", (checked) => {
    const options = labels(checked);
    expect(options.map((o) => o.value)).toEqual([...ILLNESS_SEVERITIES]);
    for (const option of options) {
      const highlighted =
        option.className.includes("handover-radio--checked") || /handover-severity--/.test(option.className);
      expect(highlighted, option.value).toBe(option.value === checked);
    }
  });

  it("highlights nothing before a severity is chosen", () => {
    for (const option of labels(null)) expect(option.className).toBe("handover-radio");
  });
});
