import { z } from "zod";
import { ZRoundFrequency } from "@/lib/rounds/template";

/**
 * A round in progress, kept in the tablet's localStorage at every answer: a reload, a closed tab or a dropped network
 * loses nothing. It holds the round's id from the moment it is opened, so that a submission retried after a lost
 * answer is the same round on the station. Removed only once the station has confirmed the round.
 */
export const ZRoundDraft = z.object({
  roundId: z.uuid(),
  bedId: z.string(),
  episodeId: z.string(),
  templateId: z.string(),
  frequencies: z.array(ZRoundFrequency),
  startedAt: z.number(),
  answers: z.record(z.string(), z.object({ value: z.string(), comment: z.string().optional() })),
  /** Set when the nurse signed: the draft is then waiting for the station's confirmation (retried until it comes). */
  submittedAt: z.number().nullable(),
});
export type TRoundDraft = z.infer<typeof ZRoundDraft>;

const keyOf = (bedId: string) => `station.round-draft.${bedId}`;

export function loadRoundDraft(bedId: string): TRoundDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(bedId));
    if (raw === null) return null;
    const parsed = ZRoundDraft.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.bedId === bedId ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveRoundDraft(draft: TRoundDraft): void {
  window.localStorage.setItem(keyOf(draft.bedId), JSON.stringify(draft));
}

export function clearRoundDraft(bedId: string): void {
  window.localStorage.removeItem(keyOf(bedId));
}

export function newRoundDraft({
  bedId,
  episodeId,
  templateId,
  frequencies,
  now,
}: {
  bedId: string;
  episodeId: string;
  templateId: string;
  frequencies: TRoundDraft["frequencies"];
  now: number;
}): TRoundDraft {
  return {
    roundId: uuidV4(),
    bedId,
    episodeId,
    templateId,
    frequencies,
    startedAt: now,
    answers: {},
    submittedAt: null,
  };
}

/** crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere. */
function uuidV4(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
