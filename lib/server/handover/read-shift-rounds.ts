import { summarizeRounds, type TRoundSection } from "@/lib/handover";
import type { Db } from "../db/client";

/**
 * The rounds of an episode over [startsAt, coversUntil) (docs/rounds.md): done, late, missed, the once-a-shift
 * items, and the abnormal findings in force (an amendment made before the end replaces the signed answer).
 */
export async function readShiftRounds({ db, episodeId, episodeStartedAt, startsAt, coversUntil }: { db: Db; episodeId: string; episodeStartedAt: number; startsAt: number; coversUntil: number }): Promise<TRoundSection> {
  const rounds = await db.round.findMany({
    where: { episodeId, signedAt: { lt: new Date(coversUntil) } },
    orderBy: { signedAt: "asc" },
    select: { id: true, templateId: true, signedAt: true, dueAt: true, frequencies: true },
  });
  const summary = summarizeRounds({
    rounds: rounds.map((r) => ({ signedAt: r.signedAt.getTime(), dueAt: r.dueAt?.getTime() ?? null, frequencies: parseFrequencies(r.frequencies) })),
    episodeStartedAt,
    startsAt,
    coversUntil,
  });
  const inShift = rounds.filter((r) => r.signedAt.getTime() >= startsAt);
  const ids = inShift.map((r) => r.id);
  const [answers, amendments, items] = ids.length
    ? await Promise.all([
        db.roundAnswer.findMany({ where: { roundId: { in: ids } } }),
        db.roundAmendment.findMany({ where: { roundId: { in: ids }, amendedAt: { lt: new Date(coversUntil) } }, orderBy: [{ amendedAt: "asc" }, { id: "asc" }] }),
        db.roundTemplateItem.findMany({ where: { templateId: { in: [...new Set(inShift.map((r) => r.templateId))] } } }),
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
  return { available: true, done: summary.done, late: summary.late, missed: summary.missed, shiftItemsMissed: summary.shiftItemsMissed, abnormal, nextDueAt: summary.nextDueAt };
}

function parseFrequencies(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}
