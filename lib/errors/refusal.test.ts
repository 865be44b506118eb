import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REFUSAL_PARAMS, ZRefusal, isRefusalKey, refusal } from "./refusal";

const catalogue = (locale: "en" | "fr") =>
  (
    JSON.parse(readFileSync(path.join(import.meta.dirname, `../i18n/messages/refusals.${locale}.json`), "utf8")) as {
      refusals: { reasons: Record<string, string> };
    }
  ).refusals.reasons;

/** The top-level ICU arguments of a message: `{bed}`, `{device, select, …}` (the branches' words are not arguments). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0) names.add(/^\{\s*(\w+)/.exec(message.slice(i))?.[1] ?? "");
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

describe("the refusals catalogue", () => {
  it.each(["en", "fr"] as const)("holds every reason key of lib/errors/refusal.ts, and only those (%s)", (locale) => {
    expect(Object.keys(catalogue(locale)).sort()).toEqual(Object.keys(REFUSAL_PARAMS).sort());
  });

  it.each(["en", "fr"] as const)("fills exactly the values each key declares (%s)", (locale) => {
    const messages = catalogue(locale);
    const mismatched = Object.entries(REFUSAL_PARAMS)
      .map(([key, params]) => ({ key, declared: Object.keys(params).sort(), used: argumentsOf(messages[key] ?? "") }))
      .filter(({ declared, used }) => declared.join() !== used.join());
    expect(mismatched).toEqual([]);
  });

  it("names no field or internal id in a clinician's sentence", () => {
    for (const locale of ["en", "fr"] as const)
      for (const message of Object.values(catalogue(locale))) expect(message).not.toMatch(/^\w+(At|Id|\.\w+)?: |"\$\{/);
  });
});

describe("refusal()", () => {
  it("carries plain values, a time as ISO 8601 for the screen to write in its locale and zone", () => {
    const at = new Date("2026-03-29T01:30:00Z");
    expect(refusal("moveBeforeAdmission", { admittedAt: at })).toEqual({
      key: "moveBeforeAdmission",
      params: { admittedAt: "2026-03-29T01:30:00.000Z" },
    });
    expect(refusal("bedOccupiedMove", { bed: "02" })).toEqual({ key: "bedOccupiedMove", params: { bed: "02" } });
    expect(refusal("stayAlreadyDischarged")).toEqual({ key: "stayAlreadyDischarged" });
  });

  it("is what the wire schema reads back, and an unknown key is told apart", () => {
    expect(ZRefusal.parse(refusal("bedOccupiedMove", { bed: "02" }))).toEqual({
      key: "bedOccupiedMove",
      params: { bed: "02" },
    });
    expect(isRefusalKey("bedOccupiedMove")).toBe(true);
    expect(isRefusalKey("toString")).toBe(false);
    expect(isRefusalKey("noSuchReason")).toBe(false);
  });
});
