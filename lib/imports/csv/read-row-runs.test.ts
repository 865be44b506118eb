import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { describe, expect, it } from "vitest";
import { readRowRuns } from "./read-row-runs";

const rowsOf = async (stream: Readable) => {
  const runs: string[][][] = [];
  for await (const run of readRowRuns<string[]>(stream)) runs.push(run);
  return runs;
};

describe("readRowRuns", () => {
  it("hands on every row in order, in runs of several rows, across the chunks of a file", async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `${i},x`);
    const chunks = [lines.slice(0, 1_234).join("\n") + "\n", lines.slice(1_234).join("\n") + "\n"];
    const runs = await rowsOf(Readable.from(chunks).pipe(parse()));
    expect(runs.flat().map((r) => r[0])).toEqual(lines.map((_, i) => String(i)));
    // Fewer runs than rows: the point of reading them so.
    expect(runs.length).toBeLessThan(100);
  });

  it("throws the parser's error, as the stream's own iterator does", async () => {
    const parser = Readable.from(['a,"b\n']).pipe(parse());
    await expect(rowsOf(parser)).rejects.toThrow(/quote/i);
  });

  it("destroys the stream when the reader stops early, so that the file is closed", async () => {
    const parser = Readable.from(["a\nb\nc\n"]).pipe(parse());
    for await (const run of readRowRuns<string[]>(parser)) if (run.length > 0) break;
    expect(parser.destroyed).toBe(true);
  });

  it("ends on an empty stream", async () => {
    expect(await rowsOf(Readable.from([""]).pipe(parse()))).toEqual([]);
  });
});
