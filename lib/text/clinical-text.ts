import { z } from "zod";

export interface TClinicalTextOptions {
  /** At most this many characters (UTF-16 code units, as zod's max counts), after trimming. */
  max: number;
  /** A field written in lines (a situation, notes, a read-back): line feeds and tabs are kept. */
  multiline?: boolean;
  /** Trim surrounding whitespace (true unless a draft saved as it is typed must keep the space just typed). */
  trim?: boolean;
}

/**
 * Control characters: C0 (NUL, ESC, CR…) and C1, but for line feed and tab, which a multi-line field may hold. A
 * line break is a line feed: a pasted CR LF is a control character here, as the browser's textarea never sends one.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/**
 * Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI): they reorder what others read on screen
 * ("Trojan Source"), so a dose or a name could display as something other than what was stored.
 */
/** In a `u` pattern a surrogate pair is one code point, so only a half of a pair left alone matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Free text that a person typed and others will read in the clinical record: well-formed Unicode (a lone UTF-16
 * surrogate cannot be stored as UTF-8 and once answered 500), no control characters, no bidirectional overrides, and
 * a length limit. Each refusal says what is wrong, and zod's path names the field, so the route answers 400
 * INVALID_INPUT with the field named. Callers add their own `.min(…)` with the message their form shows.
 */
export function ZClinicalText({ max, multiline = false, trim = true }: TClinicalTextOptions) {
  const control = multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE;
  const base = z.string().superRefine((value, ctx) => {
    if (LONE_SURROGATE.test(value))
      ctx.addIssue({ code: "custom", message: "contains a broken character (lone surrogate)" });
    if (control.test(value))
      ctx.addIssue({
        code: "custom",
        message: multiline
          ? "contains a control character (only line breaks and tabs are allowed)"
          : "contains a control character (no line breaks, tabs or invisible codes)",
      });
    if (BIDI_CONTROL.test(value))
      ctx.addIssue({ code: "custom", message: "contains a text-direction override character" });
  });
  return (trim ? base.trim() : base).max(max, { message: `at most ${max} characters` });
}
