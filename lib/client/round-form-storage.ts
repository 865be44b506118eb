import { loadRoundDraft, newRoundDraft, saveRoundDraft, type TRoundDraft } from "./round-draft";
import type { TBedRoundContext } from "@/lib/rounds/round-dtos";

const contextCacheKey = (bedId: string) => `station.round-context.${bedId}`;

/**
 * The stored draft of this bed if it was started for this patient on this checklist version; otherwise a new round,
 * stored at once. A draft of a discharged patient is dropped, never offered for the next one.
 */
export function openRoundDraft({
  bedId,
  episodeId,
  templateId,
  open,
  now,
}: {
  bedId: string;
  episodeId: string;
  templateId: string;
  open: TRoundDraft["frequencies"];
  now: number;
}): { draft: TRoundDraft; versionChanged: boolean } {
  const stored = loadRoundDraft(bedId);
  const samePatient = stored?.episodeId === episodeId;
  // A signed round waiting for the station's confirmation is sent as it was signed, whatever was published since.
  if (stored && samePatient && (stored.templateId === templateId || stored.submittedAt !== null))
    return { draft: stored, versionChanged: false };
  const draft = newRoundDraft({ bedId, episodeId, templateId, frequencies: open, now });
  saveRoundDraft(draft);
  return { draft, versionChanged: stored !== null && samePatient };
}

/** Kept so that a form opened on a reload without network still shows the checklist it was filled with. */
export function cacheRoundContext(bedId: string, context: TBedRoundContext): void {
  window.localStorage.setItem(contextCacheKey(bedId), JSON.stringify(context));
}

export function readCachedRoundContext(bedId: string): TBedRoundContext | undefined {
  try {
    const raw = window.localStorage.getItem(contextCacheKey(bedId));
    return raw ? (JSON.parse(raw) as TBedRoundContext) : undefined;
  } catch {
    return undefined;
  }
}
