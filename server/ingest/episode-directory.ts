import type { Db } from "@/lib/db/client";
import { findEpisodeContext } from "@/lib/db/episodes/find-episode-context";
import type { TEpisodeContext } from "@/lib/observations/validate-reading";

/**
 * Episode lookups for the write path. Readings arrive by the thousand per second for a few dozen episodes, so the
 * contexts are cached; an unknown id is not cached, so an episode created a moment ago is found on the next reading.
 */
export class EpisodeDirectory {
  private readonly cache = new Map<string, TEpisodeContext>();
  private readonly pending = new Map<string, Promise<TEpisodeContext | undefined>>();

  constructor(private readonly db: Db) {}

  async get(episodeId: string): Promise<TEpisodeContext | undefined> {
    const cached = this.cache.get(episodeId);
    if (cached) return cached;
    let lookup = this.pending.get(episodeId);
    if (!lookup) {
      lookup = findEpisodeContext({ db: this.db, episodeId }).finally(() => this.pending.delete(episodeId));
      this.pending.set(episodeId, lookup);
    }
    const found = await lookup;
    if (found) this.cache.set(episodeId, found);
    return found;
  }

  /** Call when an episode ends or moves, so that the next reading is checked against the stored row. */
  forget(episodeId: string): void {
    this.cache.delete(episodeId);
  }

  /**
   * Forgets every episode: called on a stay's change (a move changes a running episode's bed, an end its end), which
   * the change feed tells by stay rather than by episode. A few a day, and the next reading of each episode reads
   * its row again.
   */
  forgetAll(): void {
    this.cache.clear();
  }
}
