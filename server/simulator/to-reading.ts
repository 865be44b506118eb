import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TReadingInput } from "@/lib/observations/reading";
import { toCatalogueValue } from "./to-catalogue-value";

/**
 * A simulated value as the write path takes it, in the catalogue's unit. The sourceRef is a function of episode,
 * parameter and time only, so a tick regenerated after a restart is stored once (unique source + sourceRef).
 */
export function toReading({
  episodeId,
  parameter,
  value,
  atMs,
}: {
  episodeId: string;
  parameter: TParameterCode;
  value: number;
  atMs: number;
}): TReadingInput {
  return {
    episodeId,
    parameter,
    value: toCatalogueValue(parameter, value),
    unit: getParameter(parameter).unit,
    observedAt: new Date(atMs),
    source: "simulator",
    sourceRef: `sim:${episodeId}:${parameter}:${atMs}`,
  };
}
