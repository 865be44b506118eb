const START = 0x0b;
const END = 0x1c;
const CR = 0x0d;

/** The largest message accepted: a lab result message is a few kilobytes; this bounds a connection's memory. */
export const MAX_MLLP_MESSAGE_BYTES = 1024 * 1024;

/** Wraps a message in MLLP framing: 0x0B, the message, 0x1C 0x0D. */
export function frameMllp(message: string): Buffer {
  return Buffer.concat([Buffer.from([START]), Buffer.from(message, "utf8"), Buffer.from([END, CR])]);
}

/**
 * Finds MLLP frames in a TCP byte stream, which may split a frame or carry several per chunk. Bytes outside a frame
 * (line noise, a keep-alive newline) are dropped; a frame larger than the limit throws, and the listener closes the
 * connection rather than buffer without end.
 */
export class MllpFramer {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: string[] = [];
    for (;;) {
      const start = this.buffer.indexOf(START);
      if (start < 0) {
        this.buffer = Buffer.alloc(0);
        break;
      }
      let end = this.buffer.indexOf(END, start + 1);
      while (end >= 0 && end + 1 < this.buffer.length && this.buffer[end + 1] !== CR)
        end = this.buffer.indexOf(END, end + 1);
      if (end < 0 || end + 1 >= this.buffer.length) {
        this.buffer = this.buffer.subarray(start);
        if (this.buffer.length > MAX_MLLP_MESSAGE_BYTES)
          throw new RangeError(`MLLP message larger than ${MAX_MLLP_MESSAGE_BYTES} bytes`);
        break;
      }
      messages.push(this.buffer.subarray(start + 1, end).toString("utf8"));
      this.buffer = this.buffer.subarray(end + 2);
    }
    return messages;
  }
}
