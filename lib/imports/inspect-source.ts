import { Transform, type Readable } from "node:stream";
import type { TImportKind } from "./import-record";

/** Bytes looked at for binary content: enough to tell a ZIP, a PDF or an image from text at once. */
const SNIFF_BYTES = 8 * 1024;

export interface TSourceInspection {
  /** The source as read through the inspection (pass it to the reader instead of the original). */
  readonly input: Readable;
  /** Why nothing usable came out of this source: said when an import read no record at all. */
  nothingRead(kind: TImportKind): string;
  /**
   * Why this source cannot be one of `kind` at all, when its bytes say so (empty, or binary); undefined for text. Said
   * instead of a reader's error (a CSV header that matches no known shape) when the reader stopped before any record.
   */
  notText(kind: TImportKind): string | undefined;
}

/**
 * Watches a source's bytes on their way to the reader, so that an import that read nothing can say why instead of
 * ending "done, 0 processed": the file was empty, was binary (a NUL or a control character a text format does not
 * use, or bytes that are not UTF-8, in its first 8 KB), or was text in which the reader found no record (truncated
 * before its first complete one, or not the format it was taken for). It holds no more than the first 8 KB.
 */
export function inspectSource(source: Readable): TSourceInspection {
  let bytes = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes = Math.min(SNIFF_BYTES, headBytes + chunk.length);
      }
      callback(null, chunk);
    },
  });
  source.on("error", (error) => tap.destroy(error));
  source.pipe(tap);
  let binaryAt: number | undefined | null = null;
  const notText = (kind: TImportKind): string | undefined => {
    if (bytes === 0) return "the file is empty (0 bytes): nothing to import";
    if (binaryAt === null) {
      binaryAt = firstBinaryByte(Buffer.concat(head), bytes > SNIFF_BYTES);
      head = [];
    }
    return binaryAt === undefined
      ? undefined
      : `the file is not text (a binary byte at offset ${binaryAt}): export it as ${FORMAT[kind]}`;
  };
  return {
    input: tap,
    notText,
    nothingRead(kind) {
      return notText(kind) ?? `no record was read from ${bytes} bytes of text: ${NOTHING[kind]}`;
    },
  };
}

const FORMAT: Record<TImportKind, string> = {
  hl7: "HL7 v2 text",
  fhir: "FHIR JSON",
  csv: "CSV text (UTF-8)",
  mimic: "CSV text (UTF-8)",
};
const NOTHING: Record<TImportKind, string> = {
  hl7: "no HL7 message with results (MSH … OBX) was found; the file may be truncated or not HL7 v2",
  fhir: "the Bundle holds no Observation",
  csv: "the file has a header and no data row, or was cut before its first complete row",
  mimic: "the file has a header and no data row, or was cut before its first complete row",
};

/**
 * The offset of the first byte a text file does not hold: NUL, a C0 control other than tab, line feed, carriage
 * return, vertical tab and file separator (HL7's MLLP framing bytes), or a malformed UTF-8 sequence (one cut by the
 * end of the sniffed bytes is not counted when more follow).
 */
function firstBinaryByte(head: Buffer, truncated: boolean): number | undefined {
  for (let i = 0; i < head.length; i++) {
    const b = head[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x1c) return i;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(head, { stream: truncated });
  } catch {
    // TextDecoder does not say where: find the first offset from which decoding fails.
    for (let i = 0; i < head.length; i++) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, i + 1), { stream: true });
      } catch {
        return i;
      }
    }
    return 0;
  }
  return undefined;
}
