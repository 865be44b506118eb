import { describe, expect, it } from "vitest";
import { parseImportActor } from "./import-actor";

describe("parseImportActor", () => {
  it("reads the three stored forms, and keeps anything else whole", () => {
    expect(parseImportActor("user:admin")).toEqual({ kind: "user", name: "admin" });
    expect(parseImportActor("mllp:10.0.0.5")).toEqual({ kind: "mllp", name: "10.0.0.5" });
    expect(parseImportActor("cli:root")).toEqual({ kind: "cli", name: "root" });
    expect(parseImportActor("scheduler")).toEqual({ kind: "other", name: "scheduler" });
  });
});
