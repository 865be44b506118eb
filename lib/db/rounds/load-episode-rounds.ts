import type { TDeviceType } from "@/lib/catalogue";
import type { TPreviousAnswer, TRoundDto } from "@/lib/rounds/round-dtos";
import { computeRoundSchedule, type TRoundSchedule } from "@/lib/rounds/schedule";
import { frequenciesOf, type TRoundFrequency, type TRoundTemplate } from "@/lib/rounds/template";
import type { TShiftContext } from "@/lib/shifts";
import { dialectOf, type Db } from "../client";
import { findCurrentTemplate } from "./round-template-rows";
import { ROUND_INCLUDE, latestAnswers, toRoundDto } from "./round-rows";
import { sqlFor } from "../dialect";

/** How far back the "last values" look: a day of hourly rounds covers every daily item too. */
const RECENT_ROUNDS = 30;

export interface TEpisodeRounds {
  readonly template: TRoundTemplate | null;
  readonly schedule: TRoundSchedule | null;
  readonly lastRound: TRoundDto | null;
  /** The newest answer in force of each item over the recent rounds. */
  readonly previous: Record<string, TPreviousAnswer>;
  /** The recent rounds, newest first. */
  readonly recent: TRoundDto[];
}

/**
 * A bed's episode as the rounds see it: the checklist in force, the schedule (due, overdue, which frequencies are
 * open) and the newest answer of each item. The station, the rounds page, the form and the signature all read it
 * here, so that they agree on what is due.
 */
export async function loadEpisodeRounds({
  db,
  episode,
  shifts,
  now,
}: {
  db: Pick<Db, "round" | "roundTemplate" | "$queryRawUnsafe">;
  episode: { id: string; deviceType: TDeviceType; startedAt: Date };
  shifts: TShiftContext;
  now: number;
}): Promise<TEpisodeRounds> {
  const template = await findCurrentTemplate({ db, deviceType: episode.deviceType });
  const recent = (
    await db.round.findMany({
      where: { episodeId: episode.id },
      orderBy: { signedAt: "desc" },
      take: RECENT_ROUNDS,
      include: ROUND_INCLUDE,
    })
  ).map(toRoundDto);
  const lastRound = recent[0] ?? null;
  const coveredAt = async (frequency: "shift" | "daily"): Promise<number | undefined> => {
    const inRecent = recent.find((r) => r.frequencies.includes(frequency));
    if (inRecent) return inRecent.signedAt;
    return lastSignedCovering(db, episode.id, frequency);
  };
  const schedule = template
    ? computeRoundSchedule({
        now,
        episodeStartedAt: episode.startedAt.getTime(),
        frequencies: frequenciesOf(template.items),
        lastRoundAt: lastRound?.signedAt ?? null,
        lastCoveredAt: { shift: await coveredAt("shift"), daily: await coveredAt("daily") },
        shifts,
      })
    : null;
  return { template, schedule, lastRound, previous: latestAnswers(recent), recent };
}

/**
 * When the episode's newest round that covered `frequency` was signed, older than the recent ones. In SQL: Prisma has
 * no "array contains" filter for a Json column on SQLite; json_each reads the stored array itself, by the
 * (episodeId, signedAt) index from the newest round back (PostgreSQL: jsonb_array_elements_text of the jsonb array).
 */
async function lastSignedCovering(
  db: Pick<Db, "$queryRawUnsafe">,
  episodeId: string,
  frequency: TRoundFrequency,
): Promise<number | undefined> {
  const elements =
    dialectOf(db) === "postgres"
      ? `jsonb_array_elements_text("Round"."frequencies") AS f("value")`
      : `json_each("Round"."frequencies")`;
  const [row] = await db.$queryRawUnsafe<{ signedAt: number | bigint | Date }[]>(
    sqlFor(
      db,
      `SELECT "signedAt" FROM "Round"
        WHERE "episodeId" = ? AND EXISTS (SELECT 1 FROM ${elements} WHERE "value" = ?)
        ORDER BY "signedAt" DESC LIMIT 1`,
    ),
    episodeId,
    frequency,
  );
  return row === undefined ? undefined : Number(row.signedAt);
}
