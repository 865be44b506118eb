import { useTranslations } from "next-intl";
import type { TTargetStatus } from "@/lib/catalogue";
import { VisuallyHidden } from "./VisuallyHidden";

/**
 * Out of target reads without colour too: a filled triangle pointing the way the value is out (shape survives a
 * greyscale screen and colour blindness), and words for screen readers.
 */
export function TargetMark({ status }: { readonly status: TTargetStatus }) {
  const t = useTranslations("value");
  if (status !== "low" && status !== "high") return null;
  return (
    <span className={`target-mark target-mark--${status}`}>
      <span aria-hidden="true">{status === "low" ? "▼" : "▲"}</span>
      <VisuallyHidden>{t(status)}</VisuallyHidden>
    </span>
  );
}
