/** The vessels a cannula or a balloon sheath goes in by, as the station's vocabulary names them. */
const VESSELS = ["femoral", "jugular", "subclavian", "axillary", "central"] as const;
const SIDES = ["left", "right"] as const;

export type TCannulationSite = {
  readonly vessel: (typeof VESSELS)[number];
  readonly side: (typeof SIDES)[number] | null;
};

/**
 * A cannulation site stored as words of the station's vocabulary ("femoral right", as the demo and the admission form
 * write it) read as a vessel and a side, so that a screen names it in its own language; null for anything else,
 * which is a person's own text and is shown as typed.
 */
export function parseCannulationSite(text: string): TCannulationSite | null {
  const words = text.trim().toLowerCase().split(/\s+/);
  const vessel = VESSELS.find((v) => words.includes(v));
  if (!vessel) return null;
  const side = SIDES.find((s) => words.includes(s)) ?? null;
  const known = new Set<string>([vessel, ...(side ? [side] : [])]);
  return words.every((word) => known.has(word)) ? { vessel, side } : null;
}
