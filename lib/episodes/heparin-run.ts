import { ZEpisodeSettings } from "./episode-settings";

/** The heparin infusion as an episode's settings history has it: running or stopped, and since when. */
export interface THeparinRun {
  readonly running: boolean;
  /** Epoch ms of the settings change that started (or stopped) the current run. */
  readonly since: number;
}

/**
 * Reads the heparin run from an episode's settings history (EpisodeSettingChange rows, any order): a rate above 0 is
 * running, 0 is stopped. Undefined when no entry records a rate (an older episode, a console without the field): the
 * caller then cannot say heparin stopped, and the anti-Xa timer runs as it always did (never silenced on a guess).
 */
export function heparinRun(history: readonly { at: number; settings: unknown }[]): THeparinRun | undefined {
  let run: THeparinRun | undefined;
  for (const entry of [...history].sort((a, b) => a.at - b.at)) {
    const parsed = ZEpisodeSettings.safeParse(entry.settings);
    const rate = parsed.success ? parsed.data.heparinRate : undefined;
    if (rate === undefined) continue;
    const running = rate > 0;
    // A change of rate while running is the same run: the anti-Xa still counts from when heparin (re)started.
    if (run?.running !== running) run = { running, since: entry.at };
  }
  return run;
}
