import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/rounds.en.json";
import fr from "@/lib/i18n/messages/rounds.fr.json";
import { splitDuration } from "@/lib/rounds/describe-answer";
import { DueText } from "./DueText";

function render(kind: "due" | "overdue", minutes: number, locale: "en" | "fr" = "en", short = false): string {
  const status = { kind, dueAt: 0, duration: splitDuration(minutes), open: [], findings: 0 };
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="UTC">
      <DueText status={status} short={short} />
    </NextIntlClientProvider>,
  );
}

describe("a round's due time in words", () => {
  it("never reads overdue 0 min: under a minute either side, the round is due now", () => {
    expect(render("overdue", 0)).toBe("Round due now");
    expect(render("due", 0)).toBe("Round due now");
    expect(render("overdue", 0, "fr")).toBe("Tour à faire maintenant");
  });

  it("counts the minutes otherwise", () => {
    expect(render("overdue", 25)).toBe("Round overdue 25 min");
    expect(render("due", 12)).toBe("Round due in 12 min");
  });

  it("says an overdue round in a dense wall tile's short form, in both languages (issue 17)", () => {
    expect(render("overdue", 25, "en", true)).toBe("Round +25 min");
    expect(render("overdue", 25, "fr", true)).toBe("Tour +25 min");
    expect(render("due", 12, "en", true)).toBe("Round due in 12 min");
  });
});
