import { z } from "zod";
import { answersInForce } from "@/lib/rounds/answers-in-force";
import type { TAnswerDto, TPreviousAnswer, TRoundDto } from "@/lib/rounds/round-dtos";
import { ZRoundFrequency } from "@/lib/rounds/template";
import type { Prisma } from "../generated/client";

/** A round with what its screens show: answers, amendments, who signed, which version. */
export const ROUND_INCLUDE = {
  answers: true,
  amendments: { include: { amendedBy: { select: { displayName: true } } } },
  signedBy: { select: { displayName: true } },
  template: { select: { version: true } },
} as const satisfies Prisma.RoundInclude;
export type TRoundRow = Prisma.RoundGetPayload<{ include: typeof ROUND_INCLUDE }>;

const answerOf = (a: {
  itemId: string;
  value: string;
  numberValue: number | null;
  abnormal: boolean;
  comment: string | null;
}): TAnswerDto => ({
  itemId: a.itemId,
  value: a.value,
  numberValue: a.numberValue,
  abnormal: a.abnormal,
  comment: a.comment,
});

export function toRoundDto(row: TRoundRow): TRoundDto {
  const amendments = row.amendments.map((a) => ({
    ...answerOf(a),
    id: a.id,
    reason: a.reason,
    amendedAt: a.amendedAt.getTime(),
    amendedBy: a.amendedBy.displayName,
  }));
  return {
    id: row.id,
    bedId: row.bedId,
    episodeId: row.episodeId,
    templateId: row.templateId,
    templateVersion: row.template.version,
    dueAt: row.dueAt?.getTime() ?? null,
    startedAt: row.startedAt?.getTime() ?? null,
    signedAt: row.signedAt.getTime(),
    signedBy: row.signedBy.displayName,
    frequencies: z.array(ZRoundFrequency).parse(row.frequencies),
    answers: answersInForce(row.answers.map(answerOf), amendments),
    amendments: amendments.sort((a, b) => a.amendedAt - b.amendedAt),
  };
}

/** The newest answer in force of each item over rounds given newest first: the values beside the form's items. */
export function latestAnswers(roundsNewestFirst: readonly TRoundDto[]): Record<string, TPreviousAnswer> {
  const out: Record<string, TPreviousAnswer> = {};
  for (const round of roundsNewestFirst) {
    for (const answer of round.answers) {
      if (out[answer.itemId]) continue;
      const { signed: _signed, ...inForce } = answer;
      out[answer.itemId] = { ...inForce, at: round.signedAt, roundId: round.id };
    }
  }
  return out;
}
