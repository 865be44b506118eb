import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { splitHl7Messages } from "./split-hl7-messages";

const split = async (chunks: string[]) => {
  const out = [];
  for await (const m of splitHl7Messages(Readable.from(chunks))) out.push(m);
  return out;
};

describe("splitHl7Messages", () => {
  it("splits at each MSH whatever the line ends (CR, LF, CRLF), across chunk boundaries, skipping batch envelopes", async () => {
    const messages = await split([
      "\uFEFFFHS|^~\\&\rBHS|^~\\&\rMSH|^~\\&|A\rPID|1\nOBX|1\r\n\r\nMS",
      "H|^~\\&|B\rOBX|1\rBTS|2\rFTS|1\r",
    ]);
    expect(messages).toEqual([
      { text: "MSH|^~\\&|A\rPID|1\rOBX|1", lines: [3, 4, 5] },
      { text: "MSH|^~\\&|B\rOBX|1", lines: [7, 8] },
    ]);
  });
});
