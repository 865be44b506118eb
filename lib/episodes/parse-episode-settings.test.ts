import { describe, expect, it } from "vitest";
import { parseEpisodeSettings } from "./parse-episode-settings";

describe("parseEpisodeSettings", () => {
  it("reads the settings stored as JSON text", () => {
    expect(parseEpisodeSettings('{"rpm":3200,"sweep":3}')).toEqual({ ok: true, settings: { rpm: 3200, sweep: 3 } });
    expect(parseEpisodeSettings("{}")).toEqual({ ok: true, settings: {} });
  });

  it("reads the same settings handed over already parsed, as a JSON column gives them", () => {
    expect(parseEpisodeSettings({ ratio: "1:2", trigger: "ECG" })).toEqual({
      ok: true,
      settings: { ratio: "1:2", trigger: "ECG" },
    });
  });

  it("drops what the schema does not know, as every reader did", () => {
    expect(parseEpisodeSettings('{"rpm":3000,"note":"x"}')).toEqual({ ok: true, settings: { rpm: 3000 } });
  });

  it("answers text that is not JSON with no settings and says so", () => {
    const parsed = parseEpisodeSettings("{rpm:3000");
    expect(parsed).toMatchObject({ ok: false, settings: {} });
    expect(!parsed.ok && parsed.problem).toBe("settings are not JSON: {rpm:3000");
  });

  it("answers settings out of the schema with no settings and names the field", () => {
    for (const stored of ['{"rpm":9000}', { ratio: "1:5" }, "[1,2]", "null", null, undefined]) {
      const parsed = parseEpisodeSettings(stored);
      expect(parsed, JSON.stringify(stored) ?? "undefined").toMatchObject({ ok: false, settings: {} });
    }
    const parsed = parseEpisodeSettings('{"rpm":9000}');
    expect(!parsed.ok && parsed.problem).toMatch(/^settings do not parse \(rpm: .+\): \{"rpm":9000\}$/);
  });
});
