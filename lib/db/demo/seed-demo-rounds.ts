import { randomUUID } from "node:crypto";
import { itemsAsked } from "@/lib/rounds/answers";
import type { TRoundTemplateItem } from "@/lib/rounds/template";
import type { Db } from "../client";
import { findCurrentTemplate } from "../rounds/round-template-rows";
import { signRound } from "../rounds/sign-round";

/** How long ago each demo bed's last round was signed, in bed order: a unit with rounds due soon and one late. */
const MINUTES_AGO = [35, 50, 70, 20, 90, 75, 10, 45];

/** An uneventful answer: what the demo's last rounds say. */
function quietAnswer(item: TRoundTemplateItem): string {
  if (item.type === "check") return "done";
  if (item.type === "normal_abnormal") return "normal";
  if (item.type === "choice") return item.choices.find((c) => !c.abnormal)?.value ?? item.choices[0]?.value ?? "";
  const typical: Record<string, number> = { urine_output: 60, nirs_left: 66, nirs_right: 68, dpc_flow: 240 };
  return String(typical[item.parameter ?? ""] ?? Math.round(item.min + (item.max - item.min) * 0.8));
}

/**
 * Demo mode: each demo bed without a round gets one uneventful round signed by the demo nurse a little while ago, so
 * that the rounds page and the station show rounds due and late rather than every bed days overdue. Each round's
 * numbers (urine output…) are stored with it, as any signed round's; the simulator's backfill, which fills only
 * episodes without history, does not count them as history. Answers how many rounds were signed. Synthetic, like the
 * rest of the demo unit.
 */
export async function seedDemoRounds({
  db,
  unitId,
  nurseId,
  now,
}: {
  db: Db;
  unitId: string;
  nurseId: string;
  now: Date;
}): Promise<number> {
  const nurse = await db.user.findUnique({ where: { id: nurseId }, select: { id: true, username: true, role: true } });
  if (!nurse) return 0;
  const beds = await db.bed.findMany({
    where: { unitId },
    orderBy: { position: "asc" },
    include: { episodes: { where: { endedAt: null }, take: 1 } },
  });
  let signed = 0;
  for (const [index, bed] of beds.entries()) {
    const episode = bed.episodes[0];
    if (!episode || (await db.round.count({ where: { episodeId: episode.id } })) > 0) continue;
    const template = await findCurrentTemplate({ db, deviceType: episode.deviceType });
    if (!template) continue;
    const frequencies = [...new Set(template.items.map((i) => i.frequency))];
    const signedAt = new Date(now.getTime() - (MINUTES_AGO[index % MINUTES_AGO.length] ?? 30) * 60_000);
    await signRound({
      db,
      input: {
        roundId: randomUUID(),
        bedId: bed.id,
        episodeId: episode.id,
        templateId: template.id,
        frequencies,
        startedAt: signedAt.getTime() - 4 * 60_000,
        answers: itemsAsked(template.items, frequencies).map((item) => ({
          itemId: item.itemId,
          value: quietAnswer(item),
        })),
      },
      actor: { userId: nurse.id, username: nurse.username, role: nurse.role },
      context: null,
      now: signedAt,
    });
    signed += 1;
  }
  return signed;
}
