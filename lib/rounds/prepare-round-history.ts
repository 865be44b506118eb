import type { TLocale } from "@/lib/i18n/locales";
import { describeAnswer, labelOf, sectionOf, type TAnswerWords } from "./describe-answer";
import type { TBedRoundHistory } from "./round-dtos";
import type { TRoundTemplateItem } from "./template";

export interface THistoryCell {
  readonly words: TAnswerWords;
  readonly abnormal: boolean;
  readonly comment: string | null;
  /** Corrected after signature: the table shows the answer in force and says so. */
  readonly amended: boolean;
}

export interface TPreparedHistory {
  readonly columns: ReadonlyArray<{
    readonly roundId: string;
    readonly signedAt: number;
    readonly signedBy: string;
    readonly version: number;
    readonly dueAt: number | null;
  }>;
  readonly sections: ReadonlyArray<{
    readonly title: string;
    readonly rows: ReadonlyArray<{
      readonly itemId: string;
      readonly label: string;
      readonly item: TRoundTemplateItem;
      readonly cells: ReadonlyArray<THistoryCell | null>;
    }>;
  }>;
}

/**
 * A bed's rounds as a table: one row per item (in the newest version's order, then items only older versions had),
 * one column per round, oldest first; a cell is null where that round did not ask the item.
 */
export function prepareRoundHistory(history: TBedRoundHistory, locale: TLocale): TPreparedHistory {
  const newestFirst = [...history.templates].sort((a, b) => b.version - a.version);
  const itemOf = new Map<string, TRoundTemplateItem>();
  const order: string[] = [];
  for (const template of newestFirst) {
    for (const item of template.items) {
      if (itemOf.has(item.itemId)) continue;
      itemOf.set(item.itemId, item);
      order.push(item.itemId);
    }
  }
  const columns = history.rounds.map((r) => ({
    roundId: r.id,
    signedAt: r.signedAt,
    signedBy: r.signedBy,
    version: r.templateVersion,
    dueAt: r.dueAt,
  }));
  const sections: Array<{ title: string; rows: Array<TPreparedHistory["sections"][number]["rows"][number]> }> = [];
  for (const itemId of order) {
    const item = itemOf.get(itemId);
    if (!item) continue;
    const cells = history.rounds.map((round): THistoryCell | null => {
      const answer = round.answers.find((a) => a.itemId === itemId);
      if (!answer) return null;
      return {
        words: describeAnswer(item, answer.value, locale),
        abnormal: answer.abnormal,
        comment: answer.comment,
        amended: answer.signed !== null,
      };
    });
    if (cells.every((c) => c === null)) continue;
    const title = sectionOf(item, locale);
    const row = { itemId, label: labelOf(item, locale), item, cells };
    const section = sections.find((s) => s.title === title);
    if (section) section.rows.push(row);
    else sections.push({ title, rows: [row] });
  }
  return { columns, sections };
}
