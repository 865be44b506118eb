import { FINDING_COMMENT_SEPARATOR } from "@/lib/alarms/kiosk-alarm";
import type { TProtocolStep } from "./protocols";

/** What a limb check found (prisma/schema.prisma ProtocolStepSignature.finding). */
export const STEP_FINDINGS = ["normal", "abnormal"] as const;
export type TStepFinding = (typeof STEP_FINDINGS)[number];

/**
 * The steps signed with a finding: the limb checks after the balloon's removal (`limb-check-<minutes>`). Issue 15: a
 * cold, pale leg found after removal is a finding to chart and to raise, not a time to tick. Every limb step of the
 * protocols is named so; no other protocol has one today (the VA-ECMO limb checks are round items).
 */
export function asksFinding(stepId: string): boolean {
  return stepId.startsWith("limb-check-");
}

/** Why a signature's finding is refused: each names the field a form marks. */
export type TStepFindingIssue = "finding-required" | "finding-not-asked" | "comment-required";

/**
 * A limb check needs its finding, an abnormal one a comment (what was found, as a round's abnormal finding needs
 * one); any other step takes no finding. The same rule judges the form before it is sent and the signature on the
 * server. Null when the signature may be written.
 */
export function checkStepFinding({
  stepId,
  finding,
  note,
}: {
  stepId: string;
  finding?: TStepFinding | undefined;
  note?: string | undefined;
}): TStepFindingIssue | null {
  if (!asksFinding(stepId)) return finding === undefined ? null : "finding-not-asked";
  if (finding === undefined) return "finding-required";
  if (finding === "abnormal" && (note ?? "").trim() === "") return "comment-required";
  return null;
}

const AT = { en: "at", fr: "à" } as const;

/**
 * An abnormal limb check as the alarm list reads it after "Limb check after balloon removal abnormal:", in both
 * languages: "at 1 h — cold right foot, no Doppler pulse". The comment comes after the separator a wall display's
 * copy is cut at (lib/alarms/kiosk-alarm.ts): a kiosk reads "… abnormal: at 1 h", never what the nurse typed.
 */
export function limbFindingSummary(
  step: Pick<TProtocolStep, "earliestMs">,
  comment: string,
): { en: string; fr: string } {
  const minutes = Math.round(step.earliestMs / 60_000);
  const when = minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);
  return {
    en: cut(`${AT.en} ${when}${FINDING_COMMENT_SEPARATOR}${comment}`),
    fr: cut(`${AT.fr} ${when}${FINDING_COMMENT_SEPARATOR}${comment}`),
  };
}
