import type { TDeviceType } from "@/lib/catalogue";
import type { TReadingInput } from "@/lib/observations/reading";
import { validateReading, type TEpisodeContext, type TValidReading } from "@/lib/observations/validate-reading";
import type { TCheckedAnswer } from "@/lib/rounds/answers";
import type { TRoundTemplateItem } from "@/lib/rounds/template";
import { AppError } from "../../errors/app-error";

/** The episode as the write path checks readings against it. */
export function episodeContextOf(
  episode: {
    id: string;
    stayId: string;
    bedId: string;
    deviceType: TDeviceType;
    startedAt: Date;
    endedAt: Date | null;
  },
  unitId: string,
): TEpisodeContext {
  return {
    id: episode.id,
    stayId: episode.stayId,
    bedId: episode.bedId,
    unitId,
    deviceType: episode.deviceType,
    startedAt: episode.startedAt,
    endedAt: episode.endedAt,
  };
}

/**
 * The observations a round's numbers become (items with a catalogue parameter), identified by the round so that a
 * retried submission adds nothing: source "round", sourceRef "<roundId>/<itemId>[/<amendmentId>]". Each is checked
 * with the write path's own rules (validateReading), so that a refused value refuses the round before anything is
 * written; answered as checked, ready to be stored in the round's transaction.
 */
export function roundReadings({
  items,
  answers,
  episode,
  sourceRefOf,
  observedAt,
  now,
}: {
  items: readonly TRoundTemplateItem[];
  answers: readonly TCheckedAnswer[];
  episode: TEpisodeContext;
  sourceRefOf: (itemId: string) => string;
  observedAt: Date;
  now: Date;
}): TValidReading[] {
  const readings: TValidReading[] = [];
  for (const answer of answers) {
    const item = items.find((i) => i.itemId === answer.itemId);
    if (item?.type !== "number" || !item.parameter || answer.numberValue === null) continue;
    const reading: TReadingInput = {
      episodeId: episode.id,
      parameter: item.parameter,
      value: answer.numberValue,
      unit: item.unit,
      observedAt,
      source: "round",
      sourceRef: sourceRefOf(item.itemId),
    };
    const check = validateReading(reading, episode, now);
    if (!check.ok)
      throw new AppError("INVALID_INPUT", `${item.labelEn}: ${check.rejection.message}`, {
        issues: [{ field: `answers.${item.itemId}`, message: check.rejection.message }],
      });
    readings.push(check.reading);
  }
  return readings;
}
