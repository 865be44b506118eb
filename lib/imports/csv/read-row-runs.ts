import type { Readable } from "node:stream";

/**
 * The rows of an object-mode stream (csv-parse's), handed on in the runs the stream has buffered (a run is the rows
 * of one chunk of the file, hundreds of them) rather than one by one. A stream's own async iterator awaits a promise
 * and builds an iterator result for every row: on a million-row import that was an eighth of the bytes the main
 * thread allocated (docs/imports.md, issue 16). Ends when the stream ends; throws the stream's error (a CSV that
 * cannot be parsed) as the iterator would; a reader that stops early destroys the stream, as the iterator does, so
 * that the file is closed.
 */
export async function* readRowRuns<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  try {
    for (;;) {
      const rows: T[] = [];
      let row: T | null;
      while ((row = stream.read() as T | null) !== null) rows.push(row);
      if (rows.length > 0) {
        yield rows;
        continue;
      }
      if (stream.errored) throw stream.errored;
      if (stream.readableEnded) {
        ended = true;
        return;
      }
      if (stream.destroyed) throw new Error("the file's stream closed before its end");
      await new Promise<void>((resolve, reject) => {
        const settle = (error?: unknown) => {
          stream.off("readable", settle);
          stream.off("end", settle);
          stream.off("close", settle);
          stream.off("error", settle);
          if (error instanceof Error) reject(error);
          else resolve();
        };
        stream.on("readable", settle);
        stream.on("end", settle);
        stream.on("close", settle);
        stream.on("error", settle);
      });
    }
  } finally {
    if (!ended) stream.destroy();
  }
}
