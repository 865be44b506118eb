const START = 0x0b;
const END = 0x1c;
const CR = 0x0d;

/** The largest message accepted: a lab result message is a few kilobytes; this bounds a connection's memory. */
export const MAX_MLLP_MESSAGE_BYTES = 1024 * 1024;

/** Wraps a message in MLLP framing: 0x0B, the message, 0x1C 0x0D. */
export function frameMllp(message: string): Buffer {
  return Buffer.concat([Buffer.from([START]), Buffer.from(message, "utf8"), Buffer.from([END, CR])]);
}

/** A frame over the limit: its first bytes are kept, so that the listener can answer AR to the message's header. */
export class MllpFrameTooLarge extends RangeError {
  /** `before`: the complete messages that came ahead of it in the same read, still to be answered. */
  constructor(
    readonly head: string,
    readonly before: string[] = [],
  ) {
    super(`MLLP message larger than ${MAX_MLLP_MESSAGE_BYTES} bytes`);
  }
}

/**
 * Finds MLLP frames in a TCP byte stream, which may split a frame or carry several per chunk. Bytes outside a frame
 * (line noise, a keep-alive newline) are dropped; a frame larger than the limit throws, and the listener closes the
 * connection rather than buffer without end.
 */
export class MllpFramer {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes dropped outside any frame since the last look (the listener logs them: bad framing by the sender). */
  discarded = 0;

  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: string[] = [];
    for (;;) {
      const start = this.buffer.indexOf(START);
      if (start < 0) {
        this.discarded += countNoise(this.buffer);
        this.buffer = Buffer.alloc(0);
        break;
      }
      if (start > 0) this.discarded += countNoise(this.buffer.subarray(0, start));
      let end = this.buffer.indexOf(END, start + 1);
      while (end >= 0 && end + 1 < this.buffer.length && this.buffer[end + 1] !== CR)
        end = this.buffer.indexOf(END, end + 1);
      if (end < 0 || end + 1 >= this.buffer.length) {
        this.buffer = this.buffer.subarray(start);
        if (this.buffer.length > MAX_MLLP_MESSAGE_BYTES)
          throw new MllpFrameTooLarge(this.buffer.subarray(1, 4097).toString("utf8"), messages);
        break;
      }
      // A whole frame can arrive in one read: it is held to the same limit as one still arriving.
      if (end - start - 1 > MAX_MLLP_MESSAGE_BYTES)
        throw new MllpFrameTooLarge(this.buffer.subarray(start + 1, start + 4097).toString("utf8"), messages);
      messages.push(this.buffer.subarray(start + 1, end).toString("utf8"));
      this.buffer = this.buffer.subarray(end + 2);
    }
    return messages;
  }
}

/** Bytes outside a frame other than line ends and spaces, which some senders put between frames as keep-alives. */
function countNoise(bytes: Buffer): number {
  let n = 0;
  for (const b of bytes) if (b !== 0x0a && b !== 0x0d && b !== 0x20) n++;
  return n;
}
