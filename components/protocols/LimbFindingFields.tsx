"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { TStepFinding, TStepFindingIssue } from "@/lib/protocols/step-finding";

/**
 * A limb check's part of the sign form: limb normal or abnormal, and the comment, which an abnormal limb requires.
 * The form says so before it is sent: once "abnormal" is chosen the comment's label says it is required (and the
 * field is), and a refused attempt names what is missing beside the field.
 */
export function LimbFindingFields({
  finding,
  comment,
  issue,
  onFinding,
  onComment,
}: {
  readonly finding: TStepFinding | null;
  readonly comment: string;
  /** What the last attempt to sign lacked (lib/protocols/step-finding.ts checkStepFinding); null before one. */
  readonly issue: TStepFindingIssue | null;
  readonly onFinding: (finding: TStepFinding) => void;
  readonly onComment: (comment: string) => void;
}) {
  const t = useTranslations("protocols.finding");
  const id = useId();
  const abnormal = finding === "abnormal";
  return (
    <>
      <fieldset className="protocols__finding" aria-invalid={issue === "finding-required"}>
        <legend>{t("legend")}</legend>
        <div className="protocols__buttons" role="radiogroup" aria-label={t("legend")}>
          {(["normal", "abnormal"] as const).map((value) => (
            <label
              key={value}
              className={`protocols__choice${finding === value ? " protocols__choice--chosen" : ""}${value === "abnormal" ? " protocols__choice--abnormal" : ""}`}
            >
              <input
                type="radio"
                name={`${id}-finding`}
                value={value}
                checked={finding === value}
                required
                onChange={() => onFinding(value)}
                data-testid={`protocol-finding-${value}`}
              />
              <span>{t(value)}</span>
            </label>
          ))}
        </div>
        {issue === "finding-required" && (
          <span className="protocols__hint protocols__hint--issue" role="alert">
            {t("choose")}
          </span>
        )}
      </fieldset>
      <label>
        {abnormal ? t("commentRequired") : t("comment")}
        <input
          type="text"
          value={comment}
          maxLength={300}
          required={abnormal}
          aria-invalid={issue === "comment-required"}
          onChange={(e) => onComment(e.target.value)}
          data-testid="protocol-finding-comment"
        />
        {abnormal && <span className="protocols__hint">{t("commentHint")}</span>}
        {issue === "comment-required" && (
          <span className="protocols__hint protocols__hint--issue" role="alert">
            {t("describe")}
          </span>
        )}
      </label>
    </>
  );
}
