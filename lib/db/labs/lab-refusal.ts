import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TObservationSource } from "@/lib/observations/reading";

/**
 * A laboratory result for a monitored analyte of an admitted patient that could not be read (unit or value): the
 * stay's, with or without support running (a patient admitted and not yet cannulated, or after an IABP's removal).
 */
export interface TNewLabRefusal {
  readonly stayId: string;
  /** The support running when the result was received, if any. */
  readonly episodeId: string | null;
  readonly parameter: TParameterCode;
  readonly observedAt: Date | null;
  /** "OBX-6", "valueQuantity.code": the field at fault, and what it held. */
  readonly field: string;
  readonly value: string;
  /** Which of the two: the unit, or the value. */
  readonly what: "unit" | "value";
  readonly reason: string;
  readonly source: TObservationSource;
  readonly sourceRef: string;
}

/** The alarm's words after "Lab result could not be read:", in each language. */
export function refusalSummary(r: Pick<TNewLabRefusal, "parameter" | "what" | "value">): { en: string; fr: string } {
  const p = getParameter(r.parameter);
  const value = r.value.slice(0, 60);
  return {
    en: `${p.short.en}, ${r.what === "unit" ? "unit" : "value"} “${value}”`,
    fr: `${p.short.fr}, ${r.what === "unit" ? "unité" : "valeur"} « ${value} »`,
  };
}
