import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import handoverEn from "@/lib/i18n/messages/handover.en.json";
import handoverFr from "@/lib/i18n/messages/handover.fr.json";
import protocolsEn from "@/lib/i18n/messages/protocols.en.json";
import protocolsFr from "@/lib/i18n/messages/protocols.fr.json";
import type { TPendingProtocolSteps } from "@/lib/handover";
import { SignedProtocolSteps } from "./SignedProtocolSteps";

const at = (iso: string) => new Date(iso).getTime();

/** Signed out at 21:30 in Paris (20:30Z), the night after a balloon's removal at 15:00 (14:00Z). */
const pending: TPendingProtocolSteps = {
  at: at("2026-11-17T20:30:00Z"),
  steps: [
    {
      protocol: "iabp-weaning",
      stepId: "limb-check-360",
      occurrence: 1,
      state: "overdue",
      earliestAt: at("2026-11-17T20:00:00Z"),
      latestAt: at("2026-11-17T20:15:00Z"),
      overduePriority: "medium",
    },
    {
      protocol: "iabp-weaning",
      stepId: "flat-rest-ended",
      occurrence: 1,
      state: "pending",
      earliestAt: at("2026-11-18T14:00:00Z"),
      latestAt: at("2026-11-18T15:00:00Z"),
      overduePriority: "low",
    },
    {
      protocol: "helium-check",
      stepId: "autofill-checked",
      occurrence: 3,
      state: "due",
      earliestAt: at("2026-11-17T20:15:00Z"),
      latestAt: at("2026-11-17T20:30:00Z"),
      overduePriority: "low",
    },
    {
      protocol: "iabp-weaning",
      stepId: "ratio-1-4",
      occurrence: 1,
      state: "waiting",
      earliestAt: null,
      latestAt: null,
      overduePriority: "low",
    },
  ],
};

function render(
  locale: "en" | "fr",
  props: Partial<Parameters<typeof SignedProtocolSteps>[0]> = {},
): { html: string; text: string } {
  const messages =
    locale === "en" ? { ...en, ...handoverEn, ...protocolsEn } : { ...fr, ...handoverFr, ...protocolsFr };
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <SignedProtocolSteps pending={pending} bedId="bed-07" timeZone="Europe/Paris" live={false} {...props} />
    </NextIntlClientProvider>,
  );
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");
  return { html, text };
}

describe("the protocol steps a signed sheet kept", () => {
  it("lists each step in words with its time in the unit's zone, the overdue one flagged, under the sign-out time", () => {
    const { html, text } = render("en");
    expect(text).toContain("Pending protocol steps at sign-out (21:30)");
    expect(text).toContain(
      "IABP weaning: Limb check 6 h after removal — overdue since 17/11, 21:15 (medium-priority alarm)",
    );
    expect(text).toContain("IABP weaning: 24 h flat rest ended — from 18/11, 15:00, due by 18/11, 16:00");
    expect(text).toContain(
      "IABP helium autofill check: Helium autofill checked (every 2 h), check 3 — due by 17/11, 21:30",
    );
    expect(text).toContain("Ratio 1:4 (or 1:3) set and reviewed — after the previous step");
    // The overdue one, and only it, carries the flag (a word in a box, legible in black and white).
    expect(html.match(/class="handover-flag"/g)).toHaveLength(1);
    expect(html).toMatch(/<li data-state="overdue">[^<]*<span class="handover-flag">overdue since/);
    expect(text).not.toContain("protocol panel");
  });

  it("says it in French, with no internal id of a step or protocol", () => {
    const { text } = render("fr", { live: true });
    expect(text).toContain("Étapes de protocole en attente à la signature (21:30)");
    expect(text).toContain("Sevrage du BCPIA : Contrôle du membre 6 h après le retrait");
    expect(text).toContain("en retard depuis 17/11 21:15 (alarme de priorité moyenne)");
    expect(text).toContain("à partir de 18/11 15:00, à faire avant 18/11 16:00");
    expect(text).toContain("Où en sont les étapes maintenant");
    for (const word of ["limb-check", "flat-rest", "iabp-weaning", "helium-check", "autofill", "bed-07", "undefined"])
      expect(text).not.toContain(word);
  });

  it("links the receiving nurse to the bed's panel, where the steps stand now", () => {
    expect(render("en", { live: true }).html).toContain('href="/beds/bed-07"');
  });

  it("says when nothing was pending, and when the sheet was signed before the steps were kept", () => {
    expect(render("en", { pending: { at: pending.at, steps: [] } }).text).toContain(
      "No protocol step was pending at sign-out.",
    );
    const old = render("en", { pending: undefined }).text;
    expect(old).toContain("were not kept on this sheet");
    expect(old).not.toContain("Pending protocol steps at sign-out");
  });
});
