import type { Readable } from "node:stream";
import type { TImportChunk } from "../import-record";
import { Hl7MessageError } from "./hl7-message-error";
import { hl7MessageType, readAdtMessage } from "./read-adt-message";
import { readOruMessage } from "./read-oru-message";
import { splitHl7Messages } from "./split-hl7-messages";

/**
 * The records of an HL7 file of one or many ORU^R01 messages, streamed message by message (one chunk a message). An
 * ADT message among them (admit, transfer, discharge…) is one item, applied in its place by the import. A message
 * that cannot be imported as a whole is one unreadable item naming its first line; the next message is read as usual.
 */
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
    try {
      if (hl7MessageType(text).startsWith("ADT^"))
        yield { type: "adt", message: readAdtMessage({ text, timeZone }), location: `${file} line ${lines[0] ?? 0}` };
      else yield readOruMessage({ text, file, segmentLines: lines, timeZone }).items;
    } catch (error) {
      if (!(error instanceof Hl7MessageError)) throw error;
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
