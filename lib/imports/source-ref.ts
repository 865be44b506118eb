import { createHash } from "node:crypto";

/** The longest source reference the Observation table accepts (ZReadingInput). */
const MAX_REF = 256;

/**
 * A source reference from its parts. Deterministic, so that the same result read twice gets the same reference and
 * the database's unique (source, sourceRef) stores it once. A reference that would be too long is hashed whole:
 * still deterministic, still distinct.
 */
export function sourceRef(prefix: string, parts: readonly string[]): string {
  // A part without a colon is taken as it is, without a copy (a million-row import builds a reference a row).
  const ref = `${prefix}:${parts.map((p) => (p.includes(":") ? p.replaceAll(":", "%3A") : p)).join(":")}`;
  if (ref.length <= MAX_REF) return ref;
  return `${prefix}:sha256:${createHash("sha256").update(ref).digest("hex")}`;
}
