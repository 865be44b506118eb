import { Readable } from "node:stream";
import { CsvError } from "csv-parse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvFile } from "./csv/read-csv-file";
import { readFhirJson } from "./fhir/read-fhir-json";
import { Hl7MessageError } from "./hl7/hl7-message-error";
import { readHl7File } from "./hl7/read-hl7-file";
import { readOruMessage } from "./hl7/read-oru-message";
import type { TImportChunk, TImportItem } from "./import-record";
import { UnreadableSourceError } from "./unreadable-source-error";

/**
 * Property fuzzing of the three readers an outside system feeds (fast-check, seeded so that a failure replays): no
 * input makes a reader throw anything but its own described error, and every record it refuses names where and which
 * field, with a reason. Inputs are arbitrary text and bytes, and near-valid messages with fields replaced by arbitrary
 * strings (the cases a real sender gets wrong). Case counts: RUNS per property, printed by the suite's last test.
 */
const RUNS = 300;
const SEED = 20261215;
let cases = 0;
const run = async (property: fc.IAsyncProperty<[unknown]> | fc.IProperty<[unknown]>) => {
  await fc.assert(property, { numRuns: RUNS, seed: SEED });
  cases += RUNS;
};

const flatten = async (chunks: AsyncIterable<TImportChunk>): Promise<TImportItem[]> => {
  const items: TImportItem[] = [];
  for await (const chunk of chunks)
    items.push(...(Array.isArray(chunk) ? (chunk as readonly TImportItem[]) : [chunk as TImportItem]));
  return items;
};
const expectDescribed = (items: readonly TImportItem[]) => {
  for (const item of items) {
    if (item.type !== "unreadable") continue;
    expect(item.rejection.location.length).toBeGreaterThan(0);
    expect(item.rejection.field.length).toBeGreaterThan(0);
    expect(item.rejection.reason.length).toBeGreaterThan(0);
  }
};

const SEGMENTS = [
  "MSH|^~\\&|LAB|CHU||ICU|202611230905+0100||ORU^R01^ORU_R01|C1|P|2.5.1",
  "PID|1||MRN-1^^^CHU^MR||Doe^Jane",
  "OBR|1|O1|F1|24336-0^Gas panel^LN|||202611230800+0100",
  "OBX|1|NM|2518-9^Lactate^LN||3.2|mmol/L|0.5-2|H|||F|||202611230805+0100",
];
/** A valid ORU^R01 with one field of one segment replaced by arbitrary text (separators included). */
const nearHl7 = fc
  .tuple(fc.nat(SEGMENTS.length - 1), fc.nat(15), fc.string({ unit: "binary", maxLength: 40 }))
  .map(([s, f, value]) =>
    SEGMENTS.map((segment, i) => {
      if (i !== s) return segment;
      const fields = segment.split("|");
      fields[Math.min(f, fields.length - 1)] = value;
      return fields.join("|");
    }).join("\r"),
  );

describe("HL7 v2 reader under arbitrary input", () => {
  it("reads or refuses one message with a described error, never anything else", async () => {
    await run(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), nearHl7), (text) => {
        try {
          expectDescribed(readOruMessage({ text, file: "fuzz", timeZone: "Europe/Paris" }).items);
        } catch (error) {
          if (!(error instanceof Hl7MessageError)) throw error;
          expect(error.field.length).toBeGreaterThan(0);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("streams any bytes as a file without throwing; what it cannot read is a described rejection", async () => {
    await run(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
          nearHl7.map((t) => Buffer.from(t)),
        ),
        async (bytes) => {
          const input = Readable.from([bytes]);
          expectDescribed(await flatten(readHl7File({ input, file: "fuzz.hl7", timeZone: "UTC" })));
        },
      ),
    );
  });
});

describe("FHIR reader under arbitrary JSON", () => {
  it("answers invalid with a field and a reason, or items, and never throws", async () => {
    const observation = (value: unknown) => ({
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "2518-9" }] },
      subject: { identifier: { value: "MRN-1" } },
      effectiveDateTime: "2026-11-23T08:05:00Z",
      valueQuantity: value,
    });
    await run(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.jsonValue().map(observation),
          fc.jsonValue().map((e) => ({ resourceType: "Bundle", type: "batch", entry: [e, { resource: e }] })),
        ),
        (json) => {
          const read = readFhirJson({ json, file: "fuzz.json" });
          if (read.kind === "invalid") {
            expect(read.field.length).toBeGreaterThan(0);
            expect(read.reason.length).toBeGreaterThan(0);
          } else expectDescribed(read.items);
        },
      ),
    );
  });
});

describe("CSV reader under arbitrary text", () => {
  const HEADER = "patient_id,parameter,value,unit,observed_at";
  it("reads rows or describes them; a malformed or unknown-shape file stops with an error naming its line", async () => {
    await run(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }).map((cells) => `${HEADER}\n${cells.join(",")}`),
        ),
        async (text) => {
          try {
            const items = await flatten(
              readCsvFile({ input: Readable.from([text]), file: "fuzz.csv", preset: "generic", timeZone: "UTC" }),
            );
            expectDescribed(items);
          } catch (error) {
            // csv-parse refuses a broken quote, and the reader a header that matches no known shape (text that is no
            // CSV of ours, since the column mapping): the import then fails with this message (run-import), naming
            // the line.
            expect(
              [CsvError, UnreadableSourceError].some((type) => error instanceof type),
              String(error),
            ).toBe(true);
            expect(String(error)).toMatch(/line \d+/i);
          }
        },
      ),
    );
  });

  it("ran every property for its cases", () => {
    console.info(`readers fuzzed: ${cases} cases (seed ${SEED})`);
    expect(cases).toBe(RUNS * 4);
  });
});
