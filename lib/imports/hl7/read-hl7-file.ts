import type { Readable } from "node:stream";
import type { TImportChunk, TImportItem } from "../import-record";
import { Hl7MessageError } from "./hl7-message-error";
import { hl7MessageType, readAdtMessage } from "./read-adt-message";
import { openOruMessage } from "./read-oru-message";
import { splitHl7Messages } from "./split-hl7-messages";

/**
 * The records of an HL7 file of one or many ORU^R01 messages, streamed message by message and, within a message, in
 * chunks of at most CHUNK_RECORDS records, so that a message of any size is never held as records (a 20,000-OBX
 * message is 20,000 records: server/imports/import-memory.test.ts). An ADT message among them (admit, transfer,
 * discharge…) is one item, applied in its place by the import. A message that cannot be imported as a whole is one
 * unreadable item naming its first line; a segment that cannot be parsed ends its message with one unreadable item
 * naming that segment (the records before it are imported); the next message is read as usual.
 */
/** Records handed out at a time: the import's batches are 2,000–6,000 records, so a chunk never makes a batch larger. */
const CHUNK_RECORDS = 1_000;

export async function* readHl7File({
  input,
  file,
  timeZone,
}: {
  input: Readable;
  file: string;
  timeZone: string;
}): AsyncGenerator<TImportChunk> {
  for await (const { text, lines } of splitHl7Messages(input)) {
    let chunk: TImportItem[] = [];
    try {
      if (hl7MessageType(text).startsWith("ADT^")) {
        yield { type: "adt", message: readAdtMessage({ text, timeZone }), location: `${file} line ${lines[0] ?? 0}` };
        continue;
      }
      for (const item of openOruMessage({ text, file, segmentLines: lines, timeZone }).items) {
        chunk.push(item);
        if (chunk.length >= CHUNK_RECORDS) {
          yield chunk;
          chunk = [];
        }
      }
      yield chunk;
    } catch (error) {
      if (!(error instanceof Hl7MessageError)) throw error;
      if (chunk.length > 0) yield chunk;
      yield {
        type: "unreadable",
        rejection: {
          location: `${file} line ${lines[0] ?? 0}`,
          field: error.field,
          value: error.value,
          code: "UNREADABLE",
          reason: error.message,
        },
      };
    }
  }
}
