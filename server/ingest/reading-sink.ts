import type { TReadingInput, TWriteResult } from "@/lib/observations/reading";

/**
 * Where every producer (simulator, importers, device gateways) hands its readings. The promise resolves only after
 * the readings are committed (or refused with a reason), one result per reading, in order.
 */
export interface ReadingSink {
  submit(readings: readonly TReadingInput[]): Promise<TWriteResult[]>;
}
