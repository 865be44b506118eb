import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { externalFile } from "@/test/support/external-data";
import type { TImportItem } from "../import-record";
import { readCsvFile } from "./read-csv-file";

const collect = async (source: AsyncIterable<TImportItem[]>) => {
  const items: TImportItem[] = [];
  for await (const chunk of source) items.push(...chunk);
  return items;
};
const fromText = (text: string) => Readable.from([text]);
const HEADER = "patient_id,parameter,loinc,value,unit,observed_at,status\n";

describe("readCsvFile", () => {
  it("reads the documented columns, a quoted field with a comma, and the line of each row", async () => {
    const text = `${HEADER}MRN-1,lactate,,3.2,mmol/L,2026-11-23T08:00:00+01:00,\n\n"MRN,2",,777-3,150,10*9/L,2026-11-23T07:00:00Z,C\n`;
    const items = await collect(readCsvFile({ input: fromText(text), file: "labs.csv", preset: "generic" }));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      type: "record",
      record: {
        location: { line: 2 },
        parameterCode: "lactate",
        valueText: "3.2",
        status: "final",
        time: { ok: true, at: new Date("2026-11-23T07:00:00Z") },
      },
    });
    expect(items[1]).toMatchObject({
      type: "record",
      record: {
        location: { line: 4 },
        patientIdentifiers: ["MRN,2"],
        codings: [{ system: "LN", code: "777-3" }],
        status: "corrected",
      },
    });
  });

  it("gives a row the same reference in any file and any position, and different rows different ones", async () => {
    const row = "MRN-1,lactate,,3.2,mmol/L,2026-11-23T08:00:00+01:00,";
    const other = "MRN-1,lactate,,3.3,mmol/L,2026-11-23T08:00:00+01:00,";
    const refs = async (text: string) =>
      (await collect(readCsvFile({ input: fromText(text), file: "x.csv", preset: "generic" }))).map((i) =>
        i.type === "record" ? i.record.sourceRef : "",
      );
    const [a, b] = await refs(`${HEADER}${row}\n${other}\n`);
    const [c] = await refs(`${HEADER}${other}\n${row}\n`).then((r) => r.reverse());
    expect(a).toBe(c);
    expect(a).not.toBe(b);
  });

  it("leads a row's reference with its time, so that a file's consecutive rows sort together in the unique index", async () => {
    const text = `${HEADER}MRN-2,lactate,,3.2,mmol/L,2026-11-23T08:00:00Z,\nMRN-1,hr,,80,/min,2026-11-23T08:00:01Z,\n`;
    const refs = (await collect(readCsvFile({ input: fromText(text), file: "x.csv", preset: "generic" }))).map((i) =>
      i.type === "record" ? i.record.sourceRef : "",
    );
    expect(refs[0]).toMatch(/^csv:row:2026-11-23T08%3A00%3A00Z:[\w-]{27}$/);
    expect([...refs].sort()).toEqual(refs);
  });

  it("refuses a local time without a zone unless the import names one", async () => {
    const text = `${HEADER}MRN-1,lactate,,3.2,mmol/L,2026-11-23 08:00,\n`;
    const [plain] = await collect(readCsvFile({ input: fromText(text), file: "x.csv", preset: "generic" }));
    expect(plain).toMatchObject({ record: { time: { ok: false } } });
    const [zoned] = await collect(
      readCsvFile({ input: fromText(text), file: "x.csv", preset: "generic", timeZone: "Europe/Paris" }),
    );
    expect(zoned).toMatchObject({ record: { time: { ok: true, at: new Date("2026-11-23T07:00:00Z") } } });
  });

  it("stops at a header that lacks a required column, naming it once instead of rejecting every row", async () => {
    await expect(
      collect(readCsvFile({ input: fromText("patient,value\nA,1\nB,2\n"), file: "x.csv", preset: "generic" })),
    ).rejects.toThrow(
      /^x\.csv line 1: the header matches no known shape \(columns missing: patient_id.*observed_at.*parameter or loinc/,
    );
  });

  it("reports a row with the wrong number of fields and reads the next", async () => {
    const items = await collect(
      readCsvFile({
        input: fromText(`${HEADER}MRN-1,lactate\nMRN-1,lactate,,3.2,mmol/L,2026-11-23T08:00:00Z,\n`),
        file: "x.csv",
        preset: "generic",
      }),
    );
    expect(items.map((i) => i.type)).toEqual(["unreadable", "record"]);
    expect(items[0]).toMatchObject({
      rejection: { location: "x.csv line 2", reason: "2 fields where the header has 7" },
    });
  });

  it("reads MIMIC-IV rows by itemid, valuenum and charttime (UTC), naming the source's columns", async () => {
    const items = await collect(
      readCsvFile({
        input: createReadStream(externalFile("mimic-iv-demo/mimic_iv_demo_subject_10002495_labs.csv")),
        file: "m.csv",
        preset: "mimic",
      }),
    );
    expect(items).toHaveLength(78);
    const lactate = items.flatMap((i) =>
      i.type === "record" && i.record.codings[0]?.code === "50813" ? [i.record] : [],
    );
    expect(lactate.map((r) => r.valueText)).toEqual(["3.1", "4.4", "3.5", "2.4", "1.8", "1.4", "1.3", "1.8", "2"]);
    expect(lactate[0]).toMatchObject({
      patientIdentifiers: ["10002495"],
      unit: "mmol/L",
      fields: { value: "valuenum", time: "charttime" },
    });
    expect(lactate[0]?.sourceRef).toMatch(/^mimic:labevent:\d+$/);
  });
});
