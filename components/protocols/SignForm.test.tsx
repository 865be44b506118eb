import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import protocolsEn from "@/lib/i18n/messages/protocols.en.json";
import protocolsFr from "@/lib/i18n/messages/protocols.fr.json";
import refusalsEn from "@/lib/i18n/messages/refusals.en.json";
import refusalsFr from "@/lib/i18n/messages/refusals.fr.json";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { prepareSteps } from "@/lib/protocols/prepare-protocols";
import type { TStepFinding, TStepFindingIssue } from "@/lib/protocols/step-finding";
import { LimbFindingFields } from "./LimbFindingFields";
import { SignForm } from "./ProtocolForms";
import { StepFinding } from "./ProtocolPanel";

const T0 = Date.UTC(2026, 0, 15, 6);
const H = 3_600_000;

function render(node: ReactNode, locale: "en" | "fr"): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <NextIntlClientProvider
        locale={locale}
        messages={locale === "en" ? { ...en, ...protocolsEn, ...refusalsEn } : { ...fr, ...protocolsFr, ...refusalsFr }}
        timeZone="UTC"
      >
        {node}
      </NextIntlClientProvider>
    </QueryClientProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");

const signed = (stepId: string, hours: number, more: Partial<TProtocolPlanDto["signatures"][number]> = {}) => ({
  stepId,
  occurrence: 1,
  doneAt: T0 + hours * H,
  signedBy: "Nurse A",
  finding: null,
  note: null,
  ...more,
});

/** An IABP weaning whose balloon came out at T0 + 11 h. */
const plan: TProtocolPlanDto = {
  id: "p1",
  unitId: "u",
  bedId: "b",
  bedLabel: "07",
  episodeId: "e",
  episodeEnded: true,
  protocol: "iabp-weaning",
  version: 1,
  anchorAt: T0,
  startedAt: T0,
  startedBy: "Nurse A",
  status: "active",
  endedAt: null,
  cancelReason: null,
  signatures: [
    signed("ratio-1-2", 6),
    signed("ratio-1-4", 8),
    signed("heparin-stopped", 10),
    signed("balloon-removed", 11),
    signed("limb-check-60", 12, { finding: "abnormal", note: "cold right foot, no Doppler pulse" }),
  ],
};
const step = (stepId: string) => {
  const found = prepareSteps(plan, T0 + 13 * H).find((s) => s.stepId === stepId);
  if (!found) throw new Error(stepId);
  return found;
};
const signForm = (stepId: string, locale: "en" | "fr") =>
  render(<SignForm plan={plan} step={step(stepId)} timeZone="UTC" onClose={() => undefined} />, locale);

const fields = (finding: TStepFinding | null, issue: TStepFindingIssue | null, locale: "en" | "fr") =>
  render(
    <LimbFindingFields
      finding={finding}
      comment=""
      issue={issue}
      onFinding={() => undefined}
      onComment={() => undefined}
    />,
    locale,
  );

describe("the sign form of a limb check", () => {
  it("asks limb normal or limb abnormal, in the page's language, and a required choice", () => {
    const en = signForm("limb-check-120", "en");
    expect(text(en)).toContain("Limb normal");
    expect(text(en)).toContain("Limb abnormal");
    expect(text(en)).toContain("Comment (optional)");
    expect(en.match(/type="radio"[^>]*required/g)).toHaveLength(2);
    const fr = text(signForm("limb-check-120", "fr"));
    expect(fr).toContain("Membre normal");
    expect(fr).toContain("Membre anormal");
  });

  it("asks no finding of another step", () => {
    const html = signForm("compression-ended", "en");
    expect(html).not.toContain('type="radio"');
    expect(text(html)).toContain("Note (optional)");
  });

  it("says the comment is required once the limb is abnormal, before anything is sent", () => {
    const en = fields("abnormal", null, "en");
    expect(text(en)).toContain("Comment (required when the limb is abnormal)");
    expect(en).toMatch(/<input type="text"[^>]*required=""/);
    expect(fields("normal", null, "en")).not.toMatch(/<input type="text"[^>]*required=""/);
    expect(text(fields("abnormal", null, "fr"))).toContain("Commentaire (obligatoire si le membre est anormal)");
  });

  it("names what a refused attempt lacks", () => {
    expect(text(fields("abnormal", "comment-required", "en"))).toContain("Describe the abnormal limb before signing.");
    expect(text(fields("abnormal", "comment-required", "fr"))).toContain(
      "Décrivez l'anomalie du membre avant de signer.",
    );
    expect(text(fields(null, "finding-required", "en"))).toContain("Choose limb normal or limb abnormal.");
  });
});

describe("a signed limb check in the step list", () => {
  it("shows an abnormal finding in its alarm's colour with the comment, a normal one plainly", () => {
    const finding = step("limb-check-60").finding;
    expect(finding).toEqual({ value: "abnormal", comment: "cold right foot, no Doppler pulse" });
    if (!finding) return;
    const en = render(<StepFinding finding={finding} />, "en");
    expect(en).toContain("protocols__step-finding--abnormal");
    expect(text(en).trim()).toBe("Limb abnormal: cold right foot, no Doppler pulse");
    expect(text(render(<StepFinding finding={finding} />, "fr")).trim()).toBe(
      "Membre anormal : cold right foot, no Doppler pulse",
    );
    const normal = render(<StepFinding finding={{ value: "normal", comment: null }} />, "en");
    expect(normal).toContain("protocols__step-finding--normal");
    expect(text(normal).trim()).toBe("Limb normal");
    expect(step("ratio-1-2").finding).toBeNull();
  });
});
