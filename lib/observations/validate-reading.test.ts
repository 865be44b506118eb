import { describe, expect, it } from "vitest";
import { validateReading, validateStayReading, type TEpisodeContext, type TStayContext } from "./validate-reading";

const now = new Date("2026-11-23T10:00:00Z");
const episode: TEpisodeContext = {
  id: "e1",
  stayId: "s1",
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
      reading: { ...base, stayId: "s1", bedId: "b1", unitId: "u1" },
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

describe("validateStayReading", () => {
  const stay: TStayContext = {
    id: "s1",
    bedId: "b2",
    unitId: "u1",
    admittedAt: new Date("2026-11-19T10:00:00Z"),
    dischargedAt: null,
    episodes: [{ ...episode, endedAt: new Date("2026-11-22T10:00:00Z") }],
  };
  const lactate = {
    parameter: "lactate",
    value: 4.1,
    unit: "mmol/L",
    observedAt: new Date("2026-11-19T12:00:00Z"),
    source: "hl7",
    sourceRef: "lab/1",
  };

  it("accepts a lab before cannulation with its stay and no episode, at the stay's bed", () => {
    expect(validateStayReading(lactate, stay, now)).toEqual({
      ok: true,
      reading: { ...lactate, episodeId: null, stayId: "s1", bedId: "b2", unitId: "u1" },
    });
  });

  it("gives a lab taken while support ran that episode", () => {
    const during = { ...lactate, observedAt: new Date("2026-11-21T10:00:00Z") };
    expect(validateStayReading(during, stay, now)).toMatchObject({ ok: true, reading: { episodeId: "e1" } });
  });

  it("refuses a patient not admitted, and a time outside the stay", () => {
    expect(validateStayReading(lactate, undefined, now)).toMatchObject({
      ok: false,
      rejection: { code: "NOT_ADMITTED", field: "patient" },
    });
    const before = { ...lactate, observedAt: new Date("2026-11-19T09:00:00Z") };
    expect(validateStayReading(before, stay, now)).toMatchObject({
      ok: false,
      rejection: { code: "OUTSIDE_STAY", field: "observedAt" },
    });
  });

  it("refuses a support device's own parameter with no support of that device running at its time", () => {
    const helium = { ...base, episodeId: undefined };
    // After the balloon's removal (limb checks are still charted, the console's values are not).
    expect(validateStayReading(helium, stay, now)).toMatchObject({
      ok: false,
      rejection: { code: "UNKNOWN_EPISODE" },
    });
    const whileRunning = { ...helium, observedAt: new Date("2026-11-21T10:00:00Z") };
    expect(validateStayReading(whileRunning, stay, now)).toMatchObject({ ok: true, reading: { episodeId: "e1" } });
    const flow = { ...whileRunning, parameter: "ecmo_flow", value: 4, unit: "L/min" };
    expect(validateStayReading(flow, stay, now)).toMatchObject({
      ok: false,
      rejection: { code: "PARAMETER_NOT_FOR_DEVICE" },
    });
    const nirs = { ...lactate, parameter: "nirs_left", value: 70, unit: "%", source: "device" };
    expect(validateStayReading(nirs, stay, now)).toMatchObject({ ok: true, reading: { episodeId: null } });
  });
});
