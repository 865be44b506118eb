import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export interface THl7MessageText {
  /** Segments joined with CR. */
  readonly text: string;
  /** The file line (1-based) of each segment. */
  readonly lines: readonly number[];
}

/** Batch and file envelopes (FHS/BHS … BTS/FTS) wrap messages; they carry no result. */
const ENVELOPE = /^(FHS|BHS|BTS|FTS)(\||$)/;

/**
 * Splits an HL7 file into messages at each MSH, line by line, so that a file of any size is read with one message in
 * memory. readline ends lines at LF, CRLF and a lone CR, which covers the CR of the standard and the LF of real files.
 */
export async function* splitHl7Messages(input: Readable): AsyncGenerator<THl7MessageText> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let segments: string[] = [];
  let lines: number[] = [];
  let lineNumber = 0;
  for await (const rawLine of reader) {
    lineNumber += 1;
    const line = (lineNumber === 1 ? rawLine.replace(/^\uFEFF/, "") : rawLine).trimEnd();
    if (line === "" || ENVELOPE.test(line)) continue;
    if (line.startsWith("MSH") && segments.length > 0) {
      yield { text: segments.join("\r"), lines };
      segments = [];
      lines = [];
    }
    segments.push(line);
    lines.push(lineNumber);
  }
  if (segments.length > 0) yield { text: segments.join("\r"), lines };
}
