import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsvMapping } from "./csv-mapping";

const EXAMPLE = path.resolve(import.meta.dirname, "mappings/physionet-2019-hourly.json");

describe("parseCsvMapping", () => {
  it("reads the documented PhysioNet 2019 example", () => {
    const read = parseCsvMapping(readFileSync(EXAMPLE, "utf8"));
    expect(read.ok && read.mapping).toMatchObject({
      delimiter: "|",
      patient: { fileName: "^(p\\d+)\\.psv$" },
      time: { hoursSinceAdmission: "ICULOS" },
      missing: ["", "NaN"],
      columns: { Lactate: { parameter: "lactate", unit: "mg/dL" } },
    });
  });

  it("says what is wrong and where: not JSON, an unknown parameter, a bad pattern, an unknown key, no column", () => {
    const base = { format: "station-csv-mapping/1", name: "x", patient: { column: "id" }, time: { column: "t" } };
    const reason = (value: unknown) => {
      const read = parseCsvMapping(typeof value === "string" ? value : JSON.stringify(value));
      return read.ok ? "ok" : read.reason;
    };
    expect(reason("{")).toMatch(/^not JSON/);
    expect(reason({ ...base, columns: { L: { parameter: "lactic", unit: "mmol/L" } } })).toBe(
      "columns.L.parameter: not a parameter of the catalogue",
    );
    expect(reason({ ...base, patient: { fileName: "(" }, columns: { L: { parameter: "lactate", unit: "x" } } })).toBe(
      "patient.fileName: not a regular expression",
    );
    expect(reason({ ...base, sheet: 1, columns: { L: { parameter: "lactate", unit: "x" } } })).toMatch(/sheet/);
    expect(reason({ ...base, columns: {} })).toBe("columns: maps no column");
    expect(reason({ ...base, delimiter: "||", columns: { L: { parameter: "lactate", unit: "x" } } })).toMatch(
      /^delimiter:/,
    );
  });
});
