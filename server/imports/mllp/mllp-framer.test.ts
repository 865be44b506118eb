import { describe, expect, it } from "vitest";
import { frameMllp, MAX_MLLP_MESSAGE_BYTES, MllpFramer } from "./mllp-framer";

describe("MllpFramer", () => {
  it("finds frames split across chunks, several in one chunk, and drops bytes outside frames", () => {
    const framer = new MllpFramer();
    const both = Buffer.concat([Buffer.from("\n"), frameMllp("MSH|A"), frameMllp("MSH|B\rOBX|1")]);
    expect(framer.push(both.subarray(0, 5))).toEqual([]);
    expect(framer.push(both.subarray(5, 9))).toEqual(["MSH|A"]);
    expect(framer.push(both.subarray(9))).toEqual(["MSH|B\rOBX|1"]);
  });

  it("waits for the CR after 0x1C before ending a frame", () => {
    const framer = new MllpFramer();
    const frame = frameMllp("MSH|é");
    expect(framer.push(frame.subarray(0, frame.length - 1))).toEqual([]);
    expect(framer.push(frame.subarray(frame.length - 1))).toEqual(["MSH|é"]);
  });

  it("refuses a frame larger than the limit instead of buffering without end", () => {
    const framer = new MllpFramer();
    expect(() =>
      framer.push(Buffer.concat([Buffer.from([0x0b]), Buffer.alloc(MAX_MLLP_MESSAGE_BYTES + 1, 65)])),
    ).toThrow(RangeError);
  });
});
