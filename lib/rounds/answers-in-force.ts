import type { TAmendmentDto, TAnswerDto, TRoundDto } from "./round-dtos";

/**
 * The answers in force of a round: each signed answer, replaced by its newest amendment when there is one (by time,
 * then id, as docs/rounds.md says). An amendment of an item the round did not answer adds it: a forgotten value
 * entered after signature is a correction too. `signed` keeps what was signed when it differs.
 */
export function answersInForce(
  signed: readonly TAnswerDto[],
  amendments: readonly TAmendmentDto[],
): TRoundDto["answers"] {
  const newest = new Map<string, TAmendmentDto>();
  for (const amendment of [...amendments].sort((a, b) => a.amendedAt - b.amendedAt || a.id.localeCompare(b.id)))
    newest.set(amendment.itemId, amendment);
  const out: TRoundDto["answers"] = signed.map((answer) => {
    const amendment = newest.get(answer.itemId);
    if (!amendment) return { ...answer, signed: null };
    return {
      itemId: answer.itemId,
      value: amendment.value,
      numberValue: amendment.numberValue,
      abnormal: amendment.abnormal,
      comment: amendment.comment,
      signed: answer,
    };
  });
  const answered = new Set(signed.map((a) => a.itemId));
  for (const [itemId, amendment] of newest) {
    if (!answered.has(itemId))
      out.push({
        itemId,
        value: amendment.value,
        numberValue: amendment.numberValue,
        abnormal: amendment.abnormal,
        comment: amendment.comment,
        signed: null,
      });
  }
  return out;
}
