import { z } from "zod";
import { ZObservationSource } from "./reading";

/** A stored observation as it travels to clients (HTTP snapshot, socket events). Times are epoch milliseconds. */
export const ZObservationDto = z.object({
  seq: z.number().int().positive(),
  episodeId: z.string(),
  bedId: z.string(),
  unitId: z.string(),
  parameter: z.string(),
  value: z.number(),
  unit: z.string(),
  observedAt: z.number(),
  receivedAt: z.number(),
  source: ZObservationSource,
});
export type TObservationDto = z.infer<typeof ZObservationDto>;
