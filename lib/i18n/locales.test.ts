import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, resolveLocale } from "./locales";

describe("resolveLocale", () => {
  it("reads the language cookie", () => {
    expect(resolveLocale("fr")).toBe("fr");
    expect(resolveLocale("en")).toBe("en");
  });

  it("falls back to English for a missing or unknown value", () => {
    expect(resolveLocale(undefined)).toBe(DEFAULT_LOCALE);
    expect(resolveLocale("de")).toBe("en");
    expect(resolveLocale("FR")).toBe("en");
  });
});
