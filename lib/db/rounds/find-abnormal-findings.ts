import type { TAbnormalFinding } from "@/lib/rounds/round-dtos";
import type { Db } from "../client";
import type { TEpisodeRounds } from "./load-episode-rounds";

/**
 * The flag on a bed: each item's newest answer in force that is abnormal, with the label of the version it was
 * answered in. It stays until a later round answers the item otherwise (an hourly leg check clears it within the
 * hour; a shift item's finding stays through the shift's hourly rounds, which do not ask it again).
 */
export async function findAbnormalFindings({
  db,
  rounds,
}: {
  db: Pick<Db, "roundTemplateItem">;
  rounds: TEpisodeRounds;
}): Promise<TAbnormalFinding[]> {
  const abnormal = Object.values(rounds.previous).filter((a) => a.abnormal);
  if (abnormal.length === 0) return [];
  const templateOf = new Map(rounds.recent.map((r) => [r.id, r.templateId]));
  const items = await db.roundTemplateItem.findMany({
    where: { OR: abnormal.map((a) => ({ templateId: templateOf.get(a.roundId) ?? "", itemId: a.itemId })) },
    select: { templateId: true, itemId: true, labelEn: true, labelFr: true, position: true },
  });
  const label = new Map(items.map((i) => [`${i.templateId}/${i.itemId}`, i]));
  return abnormal
    .map((a) => {
      const item = label.get(`${templateOf.get(a.roundId) ?? ""}/${a.itemId}`);
      return {
        finding: {
          itemId: a.itemId,
          labelEn: item?.labelEn ?? a.itemId,
          labelFr: item?.labelFr ?? a.itemId,
          value: a.value,
          comment: a.comment,
          roundId: a.roundId,
          signedAt: a.at,
        },
        position: item?.position ?? 0,
      };
    })
    .sort((x, y) => x.position - y.position)
    .map((x) => x.finding);
}
