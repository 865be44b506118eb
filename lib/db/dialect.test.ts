import { describe, expect, it } from "vitest";
import { timeParam } from "./dialect";

// Prisma's transaction client answers its provider: a stand-in for each engine.
const sqlite = { _activeProvider: "sqlite" } as never;
const postgres = { _activeProvider: "postgresql" } as never;

describe("timeParam", () => {
  it("passes an instant as the engine compares it: milliseconds on SQLite, a Date on PostgreSQL", () => {
    expect(timeParam(sqlite, 1_800_000_000_000)).toBe(1_800_000_000_000);
    expect(timeParam(postgres, 1_800_000_000_000)).toEqual(new Date(1_800_000_000_000));
  });

  it("brings 'every reading' (a Date's own latest instant) to the end of year 9999, which PostgreSQL takes", () => {
    expect(timeParam(postgres, 8.64e15)).toEqual(new Date("9999-12-31T23:59:59.999Z"));
    expect(timeParam(sqlite, 8.64e15)).toBe(Date.parse("9999-12-31T23:59:59.999Z"));
  });
});
