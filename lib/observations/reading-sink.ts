import type { TReadingInput, TWriteResult } from "./reading";
import type { TValidReading } from "./validate-reading";

/**
 * The one port through which every producer (simulator, importers over HTTP, MLLP or the CLI, device gateways) hands
 * readings to the write path; server/ingest's ObservationWriter is the station's. Both promises resolve only after
 * the readings are committed (or refused with a reason), one result per reading, in order. Here in lib/ rather than
 * beside the writer because the importer (lib/db/imports/run-import.ts) takes it too, and lib/ imports nothing from
 * server/.
 */
export interface ReadingSink {
  /** Checks each reading (validateReading, against its episode and the sink's clock), then commits the valid ones. */
  submit(readings: readonly TReadingInput[]): Promise<TWriteResult[]>;
  /**
   * For a producer that has just checked its readings with validateReading itself, against the episode and the clock
   * the sink uses (the importer): the same commit and answers as submit, without a second check of each reading.
   */
  submitValid(readings: readonly TValidReading[]): Promise<TWriteResult[]>;
}
