import { ZEpisodeSettings, type TEpisodeSettings } from "./episode-settings";

/** When the stored value is bad, `settings` is empty (no setting known) and `problem` says why. */
export type TParsedEpisodeSettings =
  | { readonly ok: true; readonly settings: TEpisodeSettings }
  | { readonly ok: false; readonly settings: TEpisodeSettings; readonly problem: string };

/**
 * An episode's stored settings (SupportEpisode.settings), read the one way every reader uses: JSON text, or a value
 * already parsed (a JSON column hands one over), checked by ZEpisodeSettings. A bad value is never thrown: the bed,
 * the station and the handover show the episode without its settings, and the simulator skips it, saying why.
 */
export function parseEpisodeSettings(stored: unknown): TParsedEpisodeSettings {
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return { ok: false, settings: {}, problem: `settings are not JSON: ${stored}` };
    }
  }
  const parsed = ZEpisodeSettings.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issues = parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`)
    .join("; ");
  return { ok: false, settings: {}, problem: `settings do not parse (${issues}): ${JSON.stringify(value)}` };
}
