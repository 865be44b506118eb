import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

describe("server configuration", () => {
  it("starts the demo on loopback port 3000 with a SQLite file under data/ when nothing is set", () => {
    expect(parseServerEnv({})).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATABASE_URL: "file:./data/station.db",
      DEMO: true,
      SIMULATOR: true,
      SIMULATOR_SPEED: 1,
      DEMO_BEDS: 8,
      DEMO_LANGUAGE: "en",
    });
  });

  it("writes the demo's stored text in English or French, and nothing else (issue 17)", () => {
    expect(parseServerEnv({ DEMO_LANGUAGE: "fr" }).DEMO_LANGUAGE).toBe("fr");
    expect(() => parseServerEnv({ DEMO_LANGUAGE: "de" })).toThrow(/DEMO_LANGUAGE/);
  });

  it("takes a SQLite file or a PostgreSQL server as the database", () => {
    expect(parseServerEnv({ DATABASE_URL: "postgresql://station@db:5432/station" }).DATABASE_URL).toBe(
      "postgresql://station@db:5432/station",
    );
  });

  it("reads switches written the ways people write them", () => {
    expect(parseServerEnv({ SIMULATOR: "off", DEMO: "0" })).toMatchObject({ SIMULATOR: false, DEMO: false });
  });

  it("fails loudly, naming each wrong variable", () => {
    expect(() => parseServerEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SIMULATOR: "maybe" })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*SIMULATOR/,
    );
  });
});

describe("several nodes", () => {
  it("refuses Redis without a leader lock: two nodes would both run the alarm engine", () => {
    expect(() => parseServerEnv({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/LEADER_LOCK_URL: required/);
  });

  it("takes Redis with a PostgreSQL lock, and refuses URLs of the wrong kind", () => {
    expect(
      parseServerEnv({ REDIS_URL: "redis://127.0.0.1:6379", LEADER_LOCK_URL: "postgres://postgres@127.0.0.1/x" }),
    ).toMatchObject({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(() => parseServerEnv({ LEADER_LOCK_URL: "mysql://x" })).toThrow(/LEADER_LOCK_URL/);
  });
});
