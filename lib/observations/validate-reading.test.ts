import { describe, expect, it } from "vitest";
import { validateReading, type TEpisodeContext } from "./validate-reading";

const now = new Date("2026-11-23T10:00:00Z");
const episode: TEpisodeContext = {
  id: "e1",
  bedId: "b1",
  unitId: "u1",
  deviceType: "IABP",
  startedAt: new Date("2026-11-20T10:00:00Z"),
  endedAt: null,
};
const base = {
  episodeId: "e1",
  parameter: "helium_level",
  value: 64,
  unit: "%",
  observedAt: new Date("2026-11-23T09:59:00Z"),
  source: "device",
  sourceRef: "x",
};

describe("validateReading", () => {
  it("accepts a plausible reading and copies bed and unit from its episode", () => {
    expect(validateReading(base, episode, now)).toEqual({
      ok: true,
      reading: { ...base, bedId: "b1", unitId: "u1" },
    });
  });

  it("accepts the limits of the plausible range and refuses just beyond", () => {
    expect(validateReading({ ...base, value: 100 }, episode, now).ok).toBe(true);
    expect(validateReading({ ...base, value: 100.1 }, episode, now)).toMatchObject({
      ok: false,
      rejection: { code: "IMPLAUSIBLE_VALUE" },
    });
  });

  it("tolerates a clock two minutes ahead but not more", () => {
    expect(validateReading({ ...base, observedAt: new Date(now.getTime() + 60_000) }, episode, now).ok).toBe(true);
    expect(validateReading({ ...base, observedAt: new Date(now.getTime() + 180_000) }, episode, now)).toMatchObject({
      ok: false,
      rejection: { code: "FUTURE_TIME" },
    });
  });

  it("refuses an assist ratio that is not 1:1, 1:2, 1:3 or 1:4", () => {
    const ratio = { ...base, parameter: "iabp_ratio", unit: "{ratio}" };
    expect(validateReading({ ...ratio, value: 2 }, episode, now).ok).toBe(true);
    expect(validateReading({ ...ratio, value: 2.5 }, episode, now)).toMatchObject({
      ok: false,
      rejection: { code: "NOT_ALLOWED_VALUE" },
    });
  });

  it("refuses a reading after the episode ended", () => {
    const ended = { ...episode, endedAt: new Date("2026-11-22T00:00:00Z") };
    expect(validateReading(base, ended, now)).toMatchObject({
      ok: false,
      rejection: { code: "OUTSIDE_EPISODE", field: "observedAt" },
    });
  });

  it("refuses a payload that is not a reading, naming the field", () => {
    expect(validateReading({ ...base, source: "fax" }, episode, now)).toMatchObject({
      ok: false,
      rejection: { code: "INVALID_READING", field: "source" },
    });
    expect(validateReading(null, episode, now)).toMatchObject({ ok: false, rejection: { code: "INVALID_READING" } });
  });

  it("accepts a lab on any support (an LDH on an IABP patient)", () => {
    const ldh = { ...base, parameter: "ldh", unit: "U/L", value: 400 };
    expect(validateReading(ldh, episode, now).ok).toBe(true);
  });
});
