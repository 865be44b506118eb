import type { TRoundSection } from "@/lib/handover";
import { HOURLY_INTERVAL_MS } from "@/lib/rounds/schedule";
import { summarizeShiftRounds } from "@/lib/rounds/summarize-shift-rounds";
import type { Db } from "../client";

/**
 * The rounds of an episode over [startsAt, coversUntil) (docs/rounds.md): done, late, missed, the once-a-shift
 * items, and the abnormal findings in force (an amendment made before the end replaces the signed answer). The
 * counts are the rounds feature's own (summarizeShiftRounds), so the sheet and the rounds page agree.
 */
export async function readShiftRounds({
  db,
  episodeId,
  episodeStartedAt,
  startsAt,
  coversUntil,
}: {
  db: Db;
  episodeId: string;
  episodeStartedAt: number;
  startsAt: number;
  coversUntil: number;
}): Promise<TRoundSection> {
  const rounds = await db.round.findMany({
    where: { episodeId, signedAt: { lt: new Date(coversUntil) } },
    orderBy: { signedAt: "asc" },
    select: { id: true, templateId: true, signedAt: true, dueAt: true, frequencies: true, abnormalCount: true },
  });
  const summary = summarizeShiftRounds({
    rounds: rounds.map((r) => ({
      id: r.id,
      signedAt: r.signedAt.getTime(),
      dueAt: r.dueAt?.getTime() ?? null,
      frequencies: parseFrequencies(r.frequencies),
      abnormalCount: r.abnormalCount,
    })),
    from: startsAt,
    to: coversUntil,
    episodeStartedAt,
  });
  // The next hourly round falls due an hour after the last one (the episode's first at its start).
  const nextDueAt = (rounds.at(-1)?.signedAt.getTime() ?? episodeStartedAt - HOURLY_INTERVAL_MS) + HOURLY_INTERVAL_MS;
  const inShift = rounds.filter((r) => r.signedAt.getTime() >= startsAt);
  const ids = inShift.map((r) => r.id);
  const [answers, amendments, items] = ids.length
    ? await Promise.all([
        db.roundAnswer.findMany({ where: { roundId: { in: ids } } }),
        db.roundAmendment.findMany({
          where: { roundId: { in: ids }, amendedAt: { lt: new Date(coversUntil) } },
          orderBy: [{ amendedAt: "asc" }, { id: "asc" }],
        }),
        db.roundTemplateItem.findMany({
          where: { templateId: { in: [...new Set(inShift.map((r) => r.templateId))] } },
        }),
      ])
    : [[], [], []];
  const inForce = new Map(answers.map((a) => [`${a.roundId}/${a.itemId}`, a]));
  for (const a of amendments) inForce.set(`${a.roundId}/${a.itemId}`, { ...a, roundId: a.roundId, itemId: a.itemId });
  const abnormal = inShift.flatMap((round) =>
    [...inForce.values()]
      .filter((a) => a.roundId === round.id && a.abnormal)
      .map((a) => {
        const item = items.find((i) => i.templateId === round.templateId && i.itemId === a.itemId);
        return {
          roundId: round.id,
          signedAt: round.signedAt.getTime(),
          itemId: a.itemId,
          label: { en: item?.labelEn ?? a.itemId, fr: item?.labelFr ?? a.itemId },
          value: a.value,
          comment: a.comment,
        };
      }),
  );
  return {
    available: true,
    done: summary.done,
    late: summary.late,
    missed: summary.missedHourly,
    shiftItemsMissed: summary.shiftItemsMissed,
    abnormal,
    nextDueAt,
  };
}

function parseFrequencies(frequencies: unknown): string[] {
  return Array.isArray(frequencies) ? frequencies.filter((f): f is string => typeof f === "string") : [];
}
