import { z } from "zod";
import { ZComparator, ZResultStatus } from "./lab-result";
import { ZObservationSource } from "./reading";

/**
 * A stored observation as screens hold it: as it comes in replay answers, and as `observation:recorded` gives it back
 * once unpacked from its columns (packed-observations.ts). Times are epoch milliseconds. The unit is not sent: the
 * write path stores every value in the catalogue's unit, so the catalogue says it.
 */
export const ZObservationDto = z.object({
  seq: z.number().int().positive(),
  /** The stay it belongs to: screens key a bed's values by its open stay. */
  stayId: z.string(),
  /** The support episode running when it was taken; null for a stay-only value (a lab before cannulation). */
  episodeId: z.string().nullable(),
  bedId: z.string(),
  parameter: z.string(),
  value: z.number(),
  observedAt: z.number(),
  source: ZObservationSource,
  /**
   * A laboratory result's status, the comparator of a censored value, and the row it replaces (a correction, a
   * cancellation, the final after a preliminary): sent only when there is one, so device readings stay as small.
   * A screen that receives a reading which replaces another reads its data again (the replaced value leaves it).
   */
  status: ZResultStatus.optional(),
  comparator: ZComparator.optional(),
  replaces: z.number().int().positive().optional(),
});
export type TObservationDto = z.infer<typeof ZObservationDto>;

/** What the write path knows of a reading it has just committed: the wire form plus where it belongs. */
export interface TCommittedObservation extends TObservationDto {
  unitId: string;
  unit: string;
  receivedAt: number;
}

export function toWire(o: TCommittedObservation): TObservationDto {
  return {
    seq: o.seq,
    stayId: o.stayId,
    episodeId: o.episodeId,
    bedId: o.bedId,
    parameter: o.parameter,
    value: o.value,
    observedAt: o.observedAt,
    source: o.source,
    ...labFields(o),
  };
}

/** The optional fields of a laboratory result, from a row's nullable columns. */
export function labFields(row: {
  status?: TObservationDto["status"] | null;
  comparator?: TObservationDto["comparator"] | null;
  replaces?: number | null;
}): Pick<TObservationDto, "status" | "comparator" | "replaces"> {
  return {
    ...(row.status ? { status: row.status } : {}),
    ...(row.comparator ? { comparator: row.comparator } : {}),
    ...(row.replaces ? { replaces: row.replaces } : {}),
  };
}
